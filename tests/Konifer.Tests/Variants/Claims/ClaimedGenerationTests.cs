using System.Diagnostics;
using Konifer.Core.Images;
using Konifer.Core.Transformations;
using Konifer.Storage.Metadata;
using Konifer.Variants.Claims;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Konifer.Tests.Variants.Claims;

/// <summary>
/// The claim flow on the in-memory claims (its contract is the PostgreSQL one's): a holder keeps its claim for as long
/// as its work runs, releases it whether the work succeeded or failed, and a waiter serves the holder's result or
/// takes over. Two flows with different owners stand for two instances.
/// </summary>
public sealed class ClaimedGenerationTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);
    private static readonly Guid Asset = Guid.NewGuid();
    private static readonly Transformation Thumb = new(10, 10, Fit.Fill, Gravity.Center, ImageFormat.Webp, Rotation.Zero, Flip.None,
        Filter.None, 0, 80, Padding.None, MetadataStrip.None, ColorSpace.Srgb);

    private readonly InMemoryGenerationClaims _claims = new(TimeProvider.System);

    private ClaimedGeneration Instance(string name, TimeSpan? lease = null) =>
        new(_claims, new InstanceId(name), lease ?? TimeSpan.FromSeconds(30), TimeProvider.System, NullLogger<ClaimedGeneration>.Instance);

    [Fact]
    public async Task Work_that_outlasts_the_lease_keeps_its_claim_by_renewing_it_every_third_of_the_lease()
    {
        var clock = new FakeTimeProvider();
        var claims = new InMemoryGenerationClaims(clock);
        var lease = TimeSpan.FromSeconds(30);
        var holder = new ClaimedGeneration(claims, new InstanceId("holder"), lease, clock, NullLogger<ClaimedGeneration>.Instance);
        var release = new TaskCompletionSource();
        var running = holder.RunAsync(Asset, Thumb, _ => Task.FromResult<string?>(null), async _ =>
        {
            await release.Task;
            return "made";
        }, CancellationToken.None);

        // Three leases long: after every third of it the claim is renewed to a whole lease, never lapsing.
        for (var step = 0; step < 9; step++)
        {
            clock.Advance(lease / 3);
            await EventuallyAsync(async () =>
                await claims.TryClaimAsync(Asset, Thumb, "other", lease, CancellationToken.None) is { Outcome: ClaimOutcome.Held } held
                && held.LeaseLeft == lease);
        }
        release.SetResult();

        Assert.Equal("made", await running.WaitAsync(Bound));
        Assert.Equal(ClaimOutcome.Claimed, (await claims.TryClaimAsync(Asset, Thumb, "other", lease, CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task A_waiter_serves_the_holder_s_result_without_running_its_own_work()
    {
        var ready = (string?)null;
        var release = new TaskCompletionSource();
        var holding = Instance("one").RunAsync(Asset, Thumb, _ => Task.FromResult(ready), async _ =>
        {
            await release.Task;
            ready = "made by one";
            return ready;
        }, CancellationToken.None);
        var waiterWorked = false;
        var waiting = Instance("two").RunAsync(Asset, Thumb, _ => Task.FromResult(ready), _ =>
        {
            waiterWorked = true;
            return Task.FromResult("made by two");
        }, CancellationToken.None);
        await Task.Delay(200);
        Assert.False(waiting.IsCompleted);

        release.SetResult();

        Assert.Equal("made by one", await holding.WaitAsync(Bound));
        Assert.Equal("made by one", await waiting.WaitAsync(Bound));
        Assert.False(waiterWorked);
    }

    [Fact]
    public async Task When_the_holder_fails_its_claim_is_released_and_the_waiter_takes_over()
    {
        var release = new TaskCompletionSource();
        var failing = Instance("one").RunAsync<string>(Asset, Thumb, _ => Task.FromResult<string?>(null), async _ =>
        {
            await release.Task;
            throw new IOException("upload failed");
        }, CancellationToken.None);
        var waiting = Instance("two").RunAsync(Asset, Thumb, _ => Task.FromResult<string?>(null), _ => Task.FromResult("made by two"),
            CancellationToken.None);
        await Task.Delay(200);
        Assert.False(waiting.IsCompleted);

        release.SetResult();

        await Assert.ThrowsAsync<IOException>(() => failing.WaitAsync(Bound));
        Assert.Equal("made by two", await waiting.WaitAsync(Bound));
        Assert.Equal(ClaimOutcome.Claimed, (await _claims.TryClaimAsync(Asset, Thumb, "third", TimeSpan.FromSeconds(1), CancellationToken.None)).Outcome);
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < Bound, $"not within {Bound}");
            await Task.Delay(10);
        }
    }

    [Fact]
    public async Task Waiting_ends_when_the_caller_s_token_is_cancelled()
    {
        await _claims.TryClaimAsync(Asset, Thumb, "stuck", TimeSpan.FromMinutes(5), CancellationToken.None);
        using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Instance("one").RunAsync(Asset, Thumb,
            _ => Task.FromResult<string?>(null), _ => Task.FromResult("made"), deadline.Token).WaitAsync(Bound));
    }
}
