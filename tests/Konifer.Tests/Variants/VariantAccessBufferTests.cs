using Konifer.Core.Assets;
using Konifer.Tests.Storage;
using Konifer.Variants;
using Microsoft.Extensions.Time.Testing;

namespace Konifer.Tests.Variants;

/// <summary>The in-memory access counts behind access scores and idle expiry, and their flush.</summary>
public sealed class VariantAccessBufferTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan HalfLife = TimeSpan.FromHours(1);

    [Fact]
    public void Accesses_of_a_variant_add_up_keeping_the_latest_access_and_expiry_until_drained()
    {
        using var buffer = new VariantAccessBuffer();
        var (asset, a, b) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        buffer.Record(asset, a, T0.AddSeconds(5), T0.AddHours(1), HalfLife);
        buffer.Record(asset, a, T0.AddSeconds(2), T0.AddHours(2), HalfLife); // a request that started earlier, finished later
        buffer.Record(asset, a, T0.AddSeconds(3), null, HalfLife);
        buffer.Record(asset, b, T0, null, HalfLife);

        var drained = buffer.Drain().ToDictionary(x => x.VariantId);

        Assert.Equal(new VariantAccess(asset, a, 3, T0.AddSeconds(5), T0.AddHours(2), HalfLife), drained[a]);
        Assert.Equal(new VariantAccess(asset, b, 1, T0, null, HalfLife), drained[b]);
        Assert.Equal(0, buffer.Count);
        Assert.Empty(buffer.Drain());
    }

    [Fact]
    public async Task No_access_is_lost_or_counted_twice_while_drains_run_concurrently()
    {
        using var buffer = new VariantAccessBuffer();
        var variants = Enumerable.Range(0, 8).Select(_ => Guid.NewGuid()).ToArray();
        var asset = Guid.NewGuid();
        const int perThread = 20_000;
        var drained = new List<VariantAccess>();
        using var done = new CancellationTokenSource();
        var drainer = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                drained.AddRange(buffer.Drain());
                await Task.Yield();
            }
        });

        await Task.WhenAll(Enumerable.Range(0, 4).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < perThread; i++) buffer.Record(asset, variants[(i + t) % variants.Length], T0, null, HalfLife);
        })));
        await done.CancelAsync();
        await drainer;
        drained.AddRange(buffer.Drain());

        Assert.Equal(4 * perThread, drained.Sum(x => x.Count));
    }

    [Fact]
    public async Task A_flush_is_due_early_once_ten_thousand_variants_are_waiting()
    {
        using var buffer = new VariantAccessBuffer();
        var clock = new FakeTimeProvider(T0); // never advanced: only the threshold can end the wait
        var waiting = buffer.WaitUntilFullAsync(TimeSpan.FromSeconds(30), clock, CancellationToken.None);
        var asset = Guid.NewGuid();
        for (var i = 0; i < VariantAccessBuffer.FlushThreshold - 1; i++) buffer.Record(asset, Guid.NewGuid(), T0, null, HalfLife);
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);

        buffer.Record(asset, Guid.NewGuid(), T0, null, HalfLife);

        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Beyond_the_cap_new_variants_are_not_counted_but_known_ones_still_are()
    {
        using var buffer = new VariantAccessBuffer();
        var asset = Guid.NewGuid();
        var first = Guid.NewGuid();
        buffer.Record(asset, first, T0, null, HalfLife);
        for (var i = 1; i < VariantAccessBuffer.MaxDistinct; i++) buffer.Record(asset, Guid.NewGuid(), T0, null, HalfLife);

        var late = Guid.NewGuid();
        buffer.Record(asset, late, T0, null, HalfLife);
        buffer.Record(asset, first, T0, null, HalfLife);

        var drained = buffer.Drain();
        Assert.Equal(VariantAccessBuffer.MaxDistinct, drained.Count);
        Assert.DoesNotContain(drained, x => x.VariantId == late);
        Assert.Equal(2, drained.Single(x => x.VariantId == first).Count);
    }

    [Fact]
    public async Task A_failed_flush_keeps_the_counts_for_the_next_one()
    {
        using var buffer = new VariantAccessBuffer();
        var store = new RecordingAccesses { Fail = true };
        var flusher = new VariantAccessFlusher(buffer, store, new FakeTimeProvider(T0), new CapturingLogger<VariantAccessFlusher>());
        var (asset, variant) = (Guid.NewGuid(), Guid.NewGuid());
        buffer.Record(asset, variant, T0, null, HalfLife);
        buffer.Record(asset, variant, T0, null, HalfLife);

        await Assert.ThrowsAsync<IOException>(() => flusher.FlushAsync(CancellationToken.None));
        buffer.Record(asset, variant, T0.AddSeconds(1), null, HalfLife);
        store.Fail = false;
        Assert.Equal(1, await flusher.FlushAsync(CancellationToken.None));

        var written = Assert.Single(store.Written);
        Assert.Equal(3, written.Count);
        Assert.Equal(T0.AddSeconds(1), written.LastAccessedAt);
        Assert.Equal(0, await flusher.FlushAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_flush_that_finds_another_one_writing_returns_only_once_those_counts_are_written()
    {
        // The reaper flushes before it reaps: it must not see the store without the accesses the timer's flush holds.
        using var buffer = new VariantAccessBuffer();
        var store = new RecordingAccesses { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var flusher = new VariantAccessFlusher(buffer, store, new FakeTimeProvider(T0), new CapturingLogger<VariantAccessFlusher>());
        buffer.Record(Guid.NewGuid(), Guid.NewGuid(), T0, null, HalfLife);

        var timers = flusher.FlushAsync(CancellationToken.None);   // drained, writing
        var reapers = flusher.FlushAsync(CancellationToken.None);  // nothing left to drain
        await Task.Delay(50);
        Assert.False(reapers.IsCompleted);

        store.Gate.SetResult();
        Assert.Equal(1, await timers);
        Assert.Equal(0, await reapers);
        Assert.Single(store.Written);
    }

    /// <summary>Variant records that only take access counts, failing while <see cref="Fail"/> is set.</summary>
    private sealed class RecordingAccesses : IVariantRecords
    {
        public bool Fail { get; set; }

        /// <summary>When set, a write waits for it.</summary>
        public TaskCompletionSource? Gate { get; set; }

        public List<VariantAccess> Written { get; } = [];

        public async Task RecordAccessesAsync(IReadOnlyCollection<VariantAccess> accesses, DateTimeOffset now, CancellationToken cancellationToken)
        {
            if (Fail) throw new IOException("Metadata store unreachable.");
            if (Gate is not null) await Gate.Task;
            Written.AddRange(accesses);
        }

        public Task<PendingVariant?> ReserveVariantAsync(Guid assetId, NewVariant variant, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<Variant?> MarkVariantReadyAsync(PendingVariant variant, VariantCap cap, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task AbandonPendingVariantAsync(PendingVariant variant, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<Variant?> FindReadyVariantAsync(Guid assetId, Konifer.Core.Transformations.Transformation transformation, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
