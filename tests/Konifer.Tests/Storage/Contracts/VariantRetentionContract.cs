using Konifer.Core.Assets;

namespace Konifer.Tests.Storage.Contracts;

/// <summary>
/// Variant retention through <see cref="IVariantRecords"/>: accesses recorded in batches feed a decayed score, and a
/// variant becoming ready keeps the best <c>max-variants − 1</c> other ready generated variants of its asset and
/// evicts the rest (rows gone, objects queued). Originals and pending variants never count and are never evicted.
/// Scores are only visible through what eviction keeps, so each test sets them up with accesses and then marks a
/// new variant ready.
/// </summary>
public abstract class VariantRetentionContract : MetadataStoreContract
{
    private static readonly TimeSpan HalfLife = TimeSpan.FromHours(1);

    private static VariantCap Cap(int max) => new(max, HalfLife);

    private static NewVariant Made(int width, DateTimeOffset createdAt, DateTimeOffset? expiresAt = null) =>
        Generated(Thumb(width), expiresAt) with { CreatedAt = createdAt };

    private async Task<Variant> ReadyAsync(Guid assetId, NewVariant variant, VariantCap? cap = null)
    {
        var pending = (await Variants.ReserveVariantAsync(assetId, variant, None))!;
        return (await Variants.MarkVariantReadyAsync(pending, cap ?? VariantCaps.KeepAll, None))!;
    }

    private Task AccessAsync(Guid assetId, Variant variant, int count, DateTimeOffset at, DateTimeOffset? expiresAt = null) =>
        Variants.RecordAccessesAsync([new VariantAccess(assetId, variant.Id, count, at, expiresAt, HalfLife)], at, None);

    private async Task<Guid[]> GeneratedIdsAsync(AssetPath path) =>
        (await FindAsync(path, Query())).Single().Variants.Where(v => !v.IsOriginal).Select(v => v.Id).Order().ToArray();

    private async Task<IReadOnlyList<Variant>> AllVariantsAsync(AssetPath path) => (await FindAsync(path, Query())).Single().Variants;

    [Fact]
    public async Task A_score_decays_with_the_half_life_so_an_old_favourite_goes_before_a_recent_one()
    {
        // (a) A scored 8 five hours ago (0.25 now with a 1 h half-life), B scores 2 now; C arrives with max 2.
        var path = P("retention/decay");
        var asset = await StoreAsync(path);
        var now = At(20_000);
        var a = await ReadyAsync(asset.Id, Made(10, now.AddHours(-5)));
        await AccessAsync(asset.Id, a, 7, now.AddHours(-5));
        var b = await ReadyAsync(asset.Id, Made(11, now));
        await AccessAsync(asset.Id, b, 1, now);

        var c = await ReadyAsync(asset.Id, Made(12, now), Cap(2));

        Assert.Equal(new[] { b.Id, c.Id }.Order(), await GeneratedIdsAsync(path));
        Assert.Contains(await AllVariantsAsync(path), v => v.IsOriginal);
        Assert.Single(await ClaimAsync([a.Location], Now, TimeSpan.FromMinutes(1)));
        Assert.Empty(await ClaimAsync([b.Location, c.Location, asset.Original.Location], Now, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task The_new_variant_stays_with_the_best_others_and_the_rest_are_evicted_with_their_objects()
    {
        // (b) four ready variants scored 1, 2, 3 and 4; C arrives with max 2: C and the score-4 variant stay.
        var path = P("retention/scores");
        var asset = await StoreAsync(path);
        var now = At(100);
        var scored = new List<Variant>();
        for (var i = 0; i < 4; i++)
        {
            var variant = await ReadyAsync(asset.Id, Made(20 + i, now));
            if (i > 0) await AccessAsync(asset.Id, variant, i, now);
            scored.Add(variant);
        }

        var c = await ReadyAsync(asset.Id, Made(30, now), Cap(2));

        Assert.Equal(new[] { scored[3].Id, c.Id }.Order(), await GeneratedIdsAsync(path));
        Assert.Equal(3, (await ClaimAsync(scored.Take(3).Select(v => v.Location), Now, TimeSpan.FromMinutes(1))).Count);
    }

    [Fact]
    public async Task Pending_variants_and_the_original_neither_count_nor_go()
    {
        // (c) max 1 with one pending variant: the new one is the only ready generated variant, nothing is evicted.
        var path = P("retention/pending");
        var asset = await StoreAsync(path);
        var pending = (await Variants.ReserveVariantAsync(asset.Id, Made(40, At(50)), None))!;

        var c = await ReadyAsync(asset.Id, Made(41, At(60)), Cap(1));

        Assert.Equal([c.Id], await GeneratedIdsAsync(path));
        Assert.Contains(await AllVariantsAsync(path), v => v.IsOriginal);
        Assert.Empty(await ClaimAsync([pending.Variant.Location, asset.Original.Location, c.Location], Now, TimeSpan.FromMinutes(1)));

        // The pending one finishes later under the same cap: it stays and evicts the other.
        Assert.Equal(pending.Variant, await Variants.MarkVariantReadyAsync(pending, Cap(1), None));
        Assert.Equal([pending.Variant.Id], await GeneratedIdsAsync(path));
        Assert.Single(await ClaimAsync([c.Location], Now, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task Under_the_cap_nothing_is_evicted()
    {
        var path = P("retention/under");
        var asset = await StoreAsync(path);
        var first = await ReadyAsync(asset.Id, Made(50, At(10)), Cap(3));
        var second = await ReadyAsync(asset.Id, Made(51, At(20)), Cap(3));
        var third = await ReadyAsync(asset.Id, Made(52, At(30)), Cap(3));

        Assert.Equal(new[] { first.Id, second.Id, third.Id }.Order(), await GeneratedIdsAsync(path));
        Assert.Empty(await ClaimAsync([first.Location, second.Location, third.Location], Now, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task Equal_scores_rank_by_last_access_then_by_creation_newest_first()
    {
        var path = P("retention/ties");
        var asset = await StoreAsync(path);
        var now = At(1_000);
        // Same score (2) as of the same instant; only `late` was accessed last.
        var early = await ReadyAsync(asset.Id, Made(60, now));
        var late = await ReadyAsync(asset.Id, Made(61, now));
        await Variants.RecordAccessesAsync(
            [
                new VariantAccess(asset.Id, early.Id, 1, now.AddSeconds(-20), null, HalfLife),
                new VariantAccess(asset.Id, late.Id, 1, now.AddSeconds(-10), null, HalfLife),
            ], now, None);

        await ReadyAsync(asset.Id, Made(62, now), Cap(2));
        Assert.DoesNotContain(early.Id, await GeneratedIdsAsync(path));
        Assert.Contains(late.Id, await GeneratedIdsAsync(path));

        // Never accessed, equal scores (1 each; ranked at the new variant's creation, before either score's time, so
        // neither has decayed): the newer one stays.
        var other = P("retention/created");
        var second = await StoreAsync(other);
        var older = await ReadyAsync(second.Id, Made(63, now.AddSeconds(-1)));
        var newer = await ReadyAsync(second.Id, Made(64, now));
        var last = await ReadyAsync(second.Id, Made(65, now.AddSeconds(-10)), Cap(2));
        Assert.Equal(new[] { newer.Id, last.Id }.Order(), await GeneratedIdsAsync(other));
        Assert.Single(await ClaimAsync([older.Location], Now, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task Accesses_add_up_across_flushes()
    {
        // Two flushes of 2 accesses each beat one flush of 3: the score is cumulative, not the last count.
        var path = P("retention/cumulative");
        var asset = await StoreAsync(path);
        var now = At(500);
        var twice = await ReadyAsync(asset.Id, Made(70, now));
        var once = await ReadyAsync(asset.Id, Made(71, now));
        await AccessAsync(asset.Id, twice, 2, now);
        await AccessAsync(asset.Id, twice, 2, now);
        await AccessAsync(asset.Id, once, 3, now);

        await ReadyAsync(asset.Id, Made(72, now), Cap(2));

        Assert.Contains(twice.Id, await GeneratedIdsAsync(path));
        Assert.DoesNotContain(once.Id, await GeneratedIdsAsync(path));
    }

    [Fact]
    public async Task Accesses_push_an_idle_expiry_forward_only_and_leave_other_variants_alone()
    {
        var path = P("retention/idle");
        var asset = await StoreAsync(path);
        var idle = await ReadyAsync(asset.Id, Made(80, At(0), At(3_600)));
        var forever = await ReadyAsync(asset.Id, Made(81, At(0)));

        await AccessAsync(asset.Id, idle, 1, At(1_000), At(4_600));
        await AccessAsync(asset.Id, idle, 1, At(900), At(4_500)); // an older count flushed late moves nothing back
        await AccessAsync(asset.Id, forever, 1, At(1_000), At(4_600));
        await Variants.RecordAccessesAsync([new VariantAccess(asset.Id, Guid.NewGuid(), 1, At(1_000), null, HalfLife)], At(1_000), None);

        var variants = await AllVariantsAsync(path);
        Assert.Equal(At(4_600), variants.Single(v => v.Id == idle.Id).ExpiresAt);
        Assert.Null(variants.Single(v => v.Id == forever.Id).ExpiresAt);
        Assert.Null(variants.Single(v => v.IsOriginal).ExpiresAt);
    }

    [Fact]
    public async Task Concurrent_completions_and_flushes_neither_fail_nor_lose_or_double_queue_an_object()
    {
        var path = P("retention/concurrent");
        var asset = await StoreAsync(path);
        var now = At(100);
        var existing = new List<Variant>();
        for (var i = 0; i < 8; i++) existing.Add(await ReadyAsync(asset.Id, Made(100 + i, now)));
        var reserved = new List<PendingVariant>();
        for (var i = 0; i < 6; i++) reserved.Add((await Variants.ReserveVariantAsync(asset.Id, Made(200 + i, now), None))!);

        var completions = reserved.Select(p => Task.Run(() => Variants.MarkVariantReadyAsync(p, Cap(3), None)));
        var flushes = Enumerable.Range(0, 6).Select(round => Task.Run(() => Variants.RecordAccessesAsync(
            existing.Concat(reserved.Select(p => p.Variant)).Select(v => new VariantAccess(asset.Id, v.Id, 1 + round, now, null, HalfLife)).ToArray(),
            now, None)));
        await Task.WhenAll([.. completions, .. flushes]);

        var remaining = (await GeneratedIdsAsync(path)).ToHashSet();
        var all = existing.Concat(reserved.Select(p => p.Variant)).ToList();
        var gone = all.Where(v => !remaining.Contains(v.Id)).ToList();
        Assert.InRange(remaining.Count, 1, 3 + reserved.Count - 1);
        var claimed = await ClaimAsync(all.Select(v => v.Location), Now, TimeSpan.FromMinutes(1));
        Assert.Equal(gone.Select(v => v.Location).OrderBy(l => l.Key), claimed.Select(d => d.Location).OrderBy(l => l.Key));
    }
}
