using Konifer.Core.Assets;

namespace Konifer.Tests.Storage.Contracts;

/// <summary><see cref="IStaleRecords"/>: finding uploads that never became ready, sweeping variant reservations, expiring variants.</summary>
public abstract class StaleRecordsContract : MetadataStoreContract
{
    /// <summary>
    /// Creation times for the stale-upload tests: a random hour in the 1900s, far older than anything other tests
    /// store, so that "oldest first, at most max" sees only this test's rows even in a shared database.
    /// </summary>
    private readonly DateTimeOffset _longAgo = new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.Zero)
        .AddHours(Random.Shared.Next(0, 24 * 365 * 90));

    private NewVariant GeneratedLongAgo(int width, TimeSpan before) => Generated(Thumb(width)) with { CreatedAt = _longAgo - before };

    // ---- stale pending uploads ----

    [Fact]
    public async Task Stale_pending_uploads_are_found_oldest_first_with_their_original()
    {
        var path = P("uploads");
        var newer = await Entries.CreatePendingAsync(Pending(path, _longAgo.AddMinutes(-30)), None);
        var older = await Entries.CreatePendingAsync(Pending(path, _longAgo.AddHours(-2)), None);
        await StoreAsync(Pending(path, _longAgo.AddHours(-3))); // ready: a finished upload is never stale
        var fresh = await Entries.CreatePendingAsync(Pending(path, _longAgo.AddMinutes(-5)), None);
        var cutoff = _longAgo.AddMinutes(-10);
        try
        {
            var stale = await Stale.FindPendingOlderThanAsync(cutoff, 10_000, None);

            var mine = stale.Where(a => a.Path.Equals(path)).ToArray();
            Assert.Equal([older.Id, newer.Id], mine.Select(a => a.Id));
            Assert.Equal(older.Original.Location, mine[0].Original.Location);
            Assert.Equal(older.EntryId, mine[0].EntryId);
            Assert.Equal([older.Id], (await Stale.FindPendingOlderThanAsync(cutoff, 1, None)).Select(a => a.Id));
            Assert.Empty(await Stale.FindPendingOlderThanAsync(cutoff, 0, None));
        }
        finally
        {
            foreach (var asset in new[] { newer, older, fresh }) await Entries.AbandonPendingAsync(asset.Id, None);
        }
    }

    [Fact]
    public async Task The_cutoff_is_exclusive()
    {
        var created = await Entries.CreatePendingAsync(Pending(P("edge"), _longAgo), None);
        try
        {
            Assert.DoesNotContain(created.Id, (await Stale.FindPendingOlderThanAsync(_longAgo, 10_000, None)).Select(a => a.Id));
            Assert.Contains(created.Id, (await Stale.FindPendingOlderThanAsync(_longAgo.AddSeconds(1), 10_000, None)).Select(a => a.Id));
        }
        finally
        {
            await Entries.AbandonPendingAsync(created.Id, None);
        }
    }

    [Fact]
    public async Task Abandoned_or_ready_uploads_are_no_longer_stale()
    {
        var path = P("settled");
        var abandoned = await Entries.CreatePendingAsync(Pending(path, _longAgo.AddHours(-2)), None);
        var finished = await Entries.CreatePendingAsync(Pending(path, _longAgo.AddHours(-2)), None);

        await Entries.AbandonPendingAsync(abandoned.Id, None);
        await Entries.MarkReadyAsync(finished.Id, None);

        Assert.DoesNotContain(await Stale.FindPendingOlderThanAsync(_longAgo, 10_000, None), a => a.Path.Equals(path));
        // Abandoning a ready asset (a sweeper that lost the race against the upload) leaves it visible.
        await Entries.AbandonPendingAsync(finished.Id, None);
        Assert.Equal(finished.Id, Assert.Single(await FindAsync(path, Query())).Id);
        Assert.Empty(await ClaimAsync(ObjectsOf(finished), Now, TimeSpan.FromMinutes(1)));
    }

    // ---- stale pending variants ----

    [Fact]
    public async Task Stale_pending_variants_are_swept_oldest_first_and_queued_while_fresh_and_ready_ones_stay()
    {
        var path = P("variants/sweep");
        var asset = await StoreAsync(path);
        var newer = (await Variants.ReserveVariantAsync(asset.Id, GeneratedLongAgo(70, TimeSpan.FromMinutes(30)), None))!;
        var older = (await Variants.ReserveVariantAsync(asset.Id, GeneratedLongAgo(71, TimeSpan.FromHours(2)), None))!;
        var fresh = (await Variants.ReserveVariantAsync(asset.Id, GeneratedLongAgo(72, TimeSpan.FromMinutes(5)), None))!;
        var ready = await AddVariantAsync(asset.Id, GeneratedLongAgo(73, TimeSpan.FromHours(3)));
        var cutoff = _longAgo.AddMinutes(-10);
        try
        {
            Assert.Empty(await Stale.SweepPendingVariantsAsync(cutoff, 0, None));
            var first = await Stale.SweepPendingVariantsAsync(cutoff, 1, None);
            var rest = await Stale.SweepPendingVariantsAsync(cutoff, 10_000, None);

            Assert.Equal([older], first);
            Assert.Equal([newer], rest.Where(p => p.AssetId == asset.Id));
            Assert.Empty(await Stale.SweepPendingVariantsAsync(cutoff, 10_000, None));
            Assert.Equal(2, (await ClaimAsync([older.Variant.Location, newer.Variant.Location], Now, TimeSpan.FromMinutes(1))).Count);
            Assert.Empty(await ClaimAsync([fresh.Variant.Location, ready!.Location, asset.Original.Location], Now, TimeSpan.FromMinutes(1)));
            // A swept upload that finishes late does not appear; the fresh one still can.
            Assert.Null(await Variants.MarkVariantReadyAsync(older, VariantCaps.KeepAll, None));
            Assert.Equal(fresh.Variant, await Variants.MarkVariantReadyAsync(fresh, VariantCaps.KeepAll, None));
            Assert.Equal(3, Assert.Single(await FindAsync(path, Query())).Variants.Count);
        }
        finally
        {
            await Entries.DeleteAsync(path, Query(), None);
        }
    }

    [Fact]
    public async Task The_variant_sweep_cutoff_is_exclusive()
    {
        var path = P("variants/sweep-edge");
        var asset = await StoreAsync(path);
        var pending = (await Variants.ReserveVariantAsync(asset.Id, Generated(Thumb(74)) with { CreatedAt = _longAgo }, None))!;
        try
        {
            Assert.DoesNotContain(pending, await Stale.SweepPendingVariantsAsync(_longAgo, 10_000, None));
            Assert.Contains(pending, await Stale.SweepPendingVariantsAsync(_longAgo.AddSeconds(1), 10_000, None));
        }
        finally
        {
            await Entries.DeleteAsync(path, Query(), None);
        }
    }

    // ---- expired variants ----

    [Fact]
    public async Task Expired_variants_are_deleted_and_queued_but_never_originals()
    {
        var asset = await StoreAsync(P("variants/expire"));
        var expired = await AddVariantAsync(asset.Id, Generated(Thumb(40), At(100)));
        var touched = await AddVariantAsync(asset.Id, Generated(Thumb(41), At(100)));
        var fresh = await AddVariantAsync(asset.Id, Generated(Thumb(42), At(10_000)));
        var forever = await AddVariantAsync(asset.Id, Generated(Thumb(43)));
        await Variants.RecordAccessesAsync([new VariantAccess(asset.Id, touched!.Id, 1, At(150), At(5_000), TimeSpan.FromHours(1))], At(150), None);

        var deleted = 0;
        int round;
        while ((round = await Stale.DeleteExpiredVariantsAsync(At(200), 1, None)) > 0) deleted += round;

        Assert.True(deleted >= 1);
        var remaining = (await FindAsync(P("variants/expire"), Query())).Single().Variants;
        Assert.DoesNotContain(remaining, v => v.Id == expired!.Id);
        Assert.Contains(remaining, v => v.Id == touched.Id && v.ExpiresAt == At(5_000));
        Assert.Contains(remaining, v => v.Id == fresh!.Id);
        Assert.Contains(remaining, v => v.Id == forever!.Id);
        Assert.Contains(remaining, v => v.IsOriginal);
        Assert.Single(await ClaimAsync([expired!.Location], Now, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task Pending_variants_are_not_expired_by_the_reaper()
    {
        var path = P("variants/expire-pending");
        var asset = await StoreAsync(path);
        var pending = (await Variants.ReserveVariantAsync(asset.Id, Generated(Thumb(68), At(100)), None))!;
        try
        {
            while (await Stale.DeleteExpiredVariantsAsync(At(200), 100, None) > 0) { }

            Assert.Empty(await ClaimAsync([pending.Variant.Location], Now, TimeSpan.FromMinutes(1)));
            Assert.Equal(pending.Variant, await Variants.MarkVariantReadyAsync(pending, VariantCaps.KeepAll, None));
        }
        finally
        {
            await Entries.DeleteAsync(path, Query(), None);
        }
    }
}
