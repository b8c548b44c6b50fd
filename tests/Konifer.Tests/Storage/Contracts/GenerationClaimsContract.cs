using System.Diagnostics;
using Konifer.Variants.Claims;

namespace Konifer.Tests.Storage.Contracts;

/// <summary>
/// <see cref="IGenerationClaims"/>: one live claim per (asset, transformation), leases that lapse and are taken over,
/// releases that wake watchers. Leases are real time (the PostgreSQL adapter uses the server's clock), so lapsing is
/// waited for within a bound.
/// </summary>
public abstract class GenerationClaimsContract : MetadataStoreContract
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    private readonly Lazy<IGenerationClaims> _claims;

    protected GenerationClaimsContract() => _claims = new(CreateClaims);

    /// <summary>The claims under test, on the same store as <see cref="MetadataStoreContract.CreateStore"/>.</summary>
    protected abstract IGenerationClaims CreateClaims();

    private IGenerationClaims Claims => _claims.Value;

    [Fact]
    public async Task The_first_claim_wins_and_another_owner_is_refused_while_its_lease_lives()
    {
        var asset = await StoreAsync(P("claims/first"));

        var first = await Claims.TryClaimAsync(asset.Id, Thumb(10), "one", Lease, None);
        var second = await Claims.TryClaimAsync(asset.Id, Thumb(10), "two", Lease, None);

        Assert.Equal(ClaimOutcome.Claimed, first.Outcome);
        Assert.Equal(ClaimOutcome.Held, second.Outcome);
        Assert.Equal("one", second.Holder);
        Assert.InRange(second.LeaseLeft, TimeSpan.FromSeconds(20), Lease);
        // The holder may claim again (it extends its own claim); a claim is per transformation.
        Assert.Equal(ClaimOutcome.Claimed, (await Claims.TryClaimAsync(asset.Id, Thumb(10), "one", Lease, None)).Outcome);
        Assert.Equal(ClaimOutcome.Claimed, (await Claims.TryClaimAsync(asset.Id, Thumb(11), "two", Lease, None)).Outcome);
    }

    [Fact]
    public async Task Only_the_holder_renews_or_releases_and_after_its_release_another_owner_claims()
    {
        var asset = await StoreAsync(P("claims/release"));
        await Claims.TryClaimAsync(asset.Id, Thumb(12), "one", Lease, None);

        Assert.True(await Claims.RenewAsync(asset.Id, Thumb(12), "one", Lease, None));
        Assert.False(await Claims.RenewAsync(asset.Id, Thumb(12), "two", Lease, None));
        await Claims.ReleaseAsync(asset.Id, Thumb(12), "two", None);
        Assert.Equal(ClaimOutcome.Held, (await Claims.TryClaimAsync(asset.Id, Thumb(12), "two", Lease, None)).Outcome);

        await Claims.ReleaseAsync(asset.Id, Thumb(12), "one", None);

        Assert.Equal(ClaimOutcome.Claimed, (await Claims.TryClaimAsync(asset.Id, Thumb(12), "two", Lease, None)).Outcome);
        Assert.False(await Claims.RenewAsync(asset.Id, Thumb(12), "one", Lease, None));
    }

    [Fact]
    public async Task A_claim_whose_lease_ran_out_is_taken_over_and_its_old_owner_can_no_longer_renew_it()
    {
        var asset = await StoreAsync(P("claims/lapse"));
        Assert.Equal(ClaimOutcome.Claimed, (await Claims.TryClaimAsync(asset.Id, Thumb(13), "dead", TimeSpan.FromMilliseconds(300), None)).Outcome);

        var clock = Stopwatch.StartNew();
        ClaimAttempt attempt;
        while ((attempt = await Claims.TryClaimAsync(asset.Id, Thumb(13), "next", Lease, None)).Outcome != ClaimOutcome.Claimed)
        {
            Assert.Equal(ClaimOutcome.Held, attempt.Outcome);
            Assert.True(attempt.LeaseLeft <= TimeSpan.FromMilliseconds(300), $"lease left {attempt.LeaseLeft}");
            Assert.True(clock.Elapsed < Bound, $"not taken over within {Bound}");
            await Task.Delay(50);
        }

        Assert.False(await Claims.RenewAsync(asset.Id, Thumb(13), "dead", Lease, None));
        Assert.Equal("next", (await Claims.TryClaimAsync(asset.Id, Thumb(13), "third", Lease, None)).Holder);
    }

    [Fact]
    public async Task A_release_wakes_the_asset_s_watchers_and_only_theirs()
    {
        var asset = await StoreAsync(P("claims/wake"));
        var other = await StoreAsync(P("claims/wake-other"));
        await Claims.TryClaimAsync(asset.Id, Thumb(14), "one", Lease, None);
        using var watch = Claims.Watch(asset.Id);
        using var elsewhere = Claims.Watch(other.Id);
        Assert.False(watch.HasFired);

        await Claims.ReleaseAsync(asset.Id, Thumb(14), "one", None);

        await watch.WaitAsync(Bound, TimeProvider.System, None);
        Assert.True(watch.HasFired);
        Assert.False(elsewhere.HasFired);
    }
}
