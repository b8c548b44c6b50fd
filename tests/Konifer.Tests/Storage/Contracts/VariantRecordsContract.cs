using Konifer.Core.Assets;
using Konifer.Core.Images;
using Konifer.Core.Transformations;

namespace Konifer.Tests.Storage.Contracts;

/// <summary><see cref="IVariantRecords"/>: recording generated variants, one per transformation, in two phases.</summary>
public abstract class VariantRecordsContract : MetadataStoreContract
{
    // ---- recorded variants ----

    [Fact]
    public async Task A_recorded_variant_is_part_of_its_asset_with_everything_it_was_given()
    {
        var asset = await StoreAsync(P("variants/add"));
        var generated = Generated(Thumb(100), At(3600));

        var recorded = await AddVariantAsync(asset.Id, generated);

        Assert.NotNull(recorded);
        Assert.False(recorded.IsOriginal);
        var found = Assert.Single(await FindAsync(P("variants/add"), Query()));
        Assert.Equal(2, found.Variants.Count);
        Assert.True(found.Original.IsOriginal);
        var variant = Assert.Single(found.Variants, v => !v.IsOriginal);
        Assert.Equal(recorded.Id, variant.Id);
        Assert.Equal(generated.Transformation, variant.Transformation);
        Assert.Equal(generated.Location, variant.Location);
        Assert.Equal(generated.Attributes, variant.Attributes);
        Assert.Equal(generated.Lqip, variant.Lqip);
        Assert.Equal(At(3600), variant.ExpiresAt);
        Assert.Null(found.Original.Transformation);
        Assert.Equal(asset.ModifiedAt, found.ModifiedAt);
    }

    [Fact]
    public async Task The_ready_variant_of_a_transformation_is_found_and_a_pending_one_or_another_transformation_is_not()
    {
        var asset = await StoreAsync(P("variants/find"));
        var pending = await Variants.ReserveVariantAsync(asset.Id, Generated(Thumb(70)), None);
        Assert.NotNull(pending);
        Assert.Null(await Variants.FindReadyVariantAsync(asset.Id, Thumb(70), None));

        var ready = await Variants.MarkVariantReadyAsync(pending, VariantCaps.KeepAll, None);

        var found = await Variants.FindReadyVariantAsync(asset.Id, Thumb(70), None);
        Assert.NotNull(found);
        Assert.Equal(ready!.Id, found.Id);
        Assert.Equal(ready.Location, found.Location);
        Assert.Equal(Thumb(70), found.Transformation);
        Assert.Null(await Variants.FindReadyVariantAsync(asset.Id, Thumb(71), None));
        Assert.Null(await Variants.FindReadyVariantAsync(Guid.NewGuid(), Thumb(70), None));
    }

    [Fact]
    public async Task The_same_transformation_twice_keeps_the_first_and_queues_the_loser()
    {
        var asset = await StoreAsync(P("variants/race"));
        var first = Generated(Thumb(50));
        var second = Generated(Thumb(50));

        var winner = await AddVariantAsync(asset.Id, first);
        var loser = await AddVariantAsync(asset.Id, second);

        Assert.Equal(winner!.Id, loser!.Id);
        Assert.Equal(first.Location, loser.Location);
        Assert.Equal(2, (await FindAsync(P("variants/race"), Query())).Single().Variants.Count);
        Assert.Single(await ClaimAsync([second.Location], Now, TimeSpan.FromMinutes(1)));
        Assert.Empty(await ClaimAsync([first.Location], Now, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task Concurrent_identical_variants_record_one()
    {
        var asset = await StoreAsync(P("variants/concurrent"));
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => AddVariantAsync(asset.Id, Generated(Thumb(64))))));
        Assert.Single(results.Select(r => r!.Id).Distinct());
        Assert.Equal(2, (await FindAsync(P("variants/concurrent"), Query())).Single().Variants.Count);
    }

    [Fact]
    public async Task Different_transformations_are_different_variants()
    {
        var asset = await StoreAsync(P("variants/many"));
        await AddVariantAsync(asset.Id, Generated(Thumb(10)));
        await AddVariantAsync(asset.Id, Generated(Thumb(10, ImageFormat.Avif)));
        await AddVariantAsync(asset.Id, Generated(Thumb(10) with { Padding = Padding.None }));
        Assert.Equal(4, (await FindAsync(P("variants/many"), Query())).Single().Variants.Count);
    }

    [Fact]
    public async Task A_fetch_of_several_assets_gives_each_its_own_ready_variants_original_first()
    {
        var path = P("variants/several");
        var bare = await StoreAsync(path);
        var busy = await StoreAsync(path);
        var newest = await StoreAsync(path);
        var early = await AddVariantAsync(busy.Id, Generated(Thumb(30)) with { CreatedAt = At(20) });
        var late = await AddVariantAsync(busy.Id, Generated(Thumb(20)) with { CreatedAt = At(30) });
        var own = await AddVariantAsync(newest.Id, Generated(Thumb(40)));
        await Variants.ReserveVariantAsync(bare.Id, Generated(Thumb(50)), None);

        var found = await FindAsync(path, Query());

        Assert.Equal([newest.Id, busy.Id, bare.Id], found.Select(a => a.Id));
        Assert.Equal([newest.Original.Id, own!.Id], found[0].Variants.Select(v => v.Id));
        Assert.Equal([busy.Original.Id, early!.Id, late!.Id], found[1].Variants.Select(v => v.Id));
        Assert.Equal([bare.Original.Id], found[2].Variants.Select(v => v.Id));
        Assert.Equal([busy.Id], (await FindAsync(path, new AssetQuery(busy.EntryId, AssetOrder.New, new Dictionary<string, string>(), 1)))
            .Select(a => a.Id));
        // The limit counts assets, not variants.
        Assert.Equal(2, Assert.Single(await FindAsync(path, Query(limit: 1))).Variants.Count);
        Assert.Equal(2, (await FindAsync(path, Query(limit: 2))).Count);
    }

    [Fact]
    public async Task A_variant_of_a_deleted_or_unknown_asset_is_not_reserved()
    {
        var asset = await StoreAsync(P("variants/gone"));
        await Entries.DeleteAsync(P("variants/gone"), Query(), None);
        var generated = Generated(Thumb(20));

        Assert.Null(await Variants.ReserveVariantAsync(asset.Id, generated, None));
        Assert.Null(await Variants.ReserveVariantAsync(Guid.NewGuid(), generated, None));
        Assert.Empty(await ClaimAsync([generated.Location], Now, TimeSpan.FromMinutes(1))); // nothing was uploaded yet
    }

    [Fact]
    public async Task A_variant_of_a_pending_asset_is_not_reserved()
    {
        var created = await Entries.CreatePendingAsync(Pending(P("variants/pending-asset")), None);
        try
        {
            Assert.Null(await Variants.ReserveVariantAsync(created.Id, Generated(Thumb(21)), None));
        }
        finally
        {
            await Entries.AbandonPendingAsync(created.Id, None);
        }
    }

    [Fact]
    public async Task Deleting_an_asset_queues_its_variants_objects()
    {
        var asset = await StoreAsync(P("variants/delete"));
        var variant = await AddVariantAsync(asset.Id, Generated(Thumb(30)));

        await Entries.DeleteAsync(P("variants/delete"), Query(), None);

        Assert.Equal(2, (await ClaimAsync([asset.Original.Location, variant!.Location], Now, TimeSpan.FromMinutes(1))).Count);
    }

    // ---- pending (two-phase) variants ----

    [Fact]
    public async Task A_reserved_variant_is_invisible_until_it_is_ready()
    {
        var path = P("variants/two-phase");
        var asset = await StoreAsync(path);
        var generated = Generated(Thumb(60), At(3600));

        var pending = await Variants.ReserveVariantAsync(asset.Id, generated, None);

        Assert.NotNull(pending);
        Assert.Equal(asset.Id, pending.AssetId);
        Assert.Equal(generated.Location, pending.Variant.Location);
        Assert.Equal(generated.Transformation, pending.Variant.Transformation);
        Assert.False(pending.Variant.IsOriginal);
        Assert.True(Assert.Single(Assert.Single(await FindAsync(path, Query())).Variants).IsOriginal);

        var ready = await Variants.MarkVariantReadyAsync(pending, VariantCaps.KeepAll, None);

        Assert.Equal(pending.Variant, ready);
        var variant = Assert.Single(Assert.Single(await FindAsync(path, Query())).Variants, v => !v.IsOriginal);
        Assert.Equal(pending.Variant, variant);
        // Marking again (a retried call) answers with the same variant and queues nothing.
        Assert.Equal(pending.Variant, await Variants.MarkVariantReadyAsync(pending, VariantCaps.KeepAll, None));
        Assert.Empty(await ClaimAsync([generated.Location], Now, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task A_pending_variant_does_not_block_another_reservation_and_the_first_made_ready_wins()
    {
        var path = P("variants/pending-race");
        var asset = await StoreAsync(path);
        var slow = await Variants.ReserveVariantAsync(asset.Id, Generated(Thumb(61)), None);
        var fast = await Variants.ReserveVariantAsync(asset.Id, Generated(Thumb(61)), None);
        Assert.NotNull(slow);
        Assert.NotNull(fast);
        Assert.NotEqual(slow.Variant.Id, fast.Variant.Id);

        var winner = await Variants.MarkVariantReadyAsync(fast, VariantCaps.KeepAll, None);
        var loser = await Variants.MarkVariantReadyAsync(slow, VariantCaps.KeepAll, None);

        Assert.Equal(fast.Variant, winner);
        Assert.Equal(fast.Variant, loser);
        Assert.Equal(2, Assert.Single(await FindAsync(path, Query())).Variants.Count);
        Assert.Single(await ClaimAsync([slow.Variant.Location], Now, TimeSpan.FromMinutes(1)));
        Assert.Empty(await ClaimAsync([fast.Variant.Location], Now, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task Concurrent_reservations_of_one_variant_end_with_one_ready_and_the_others_queued()
    {
        var path = P("variants/pending-concurrent");
        var asset = await StoreAsync(path);
        var reserved = await Task.WhenAll(Enumerable.Range(0, 10)
            .Select(_ => Task.Run(() => Variants.ReserveVariantAsync(asset.Id, Generated(Thumb(62)), None))));

        var ready = await Task.WhenAll(reserved.Select(p => Task.Run(() => Variants.MarkVariantReadyAsync(p!, VariantCaps.KeepAll, None))));

        var winner = Assert.Single(ready.Select(r => r!.Id).Distinct());
        Assert.Contains(reserved, p => p!.Variant.Id == winner);
        Assert.Equal(2, Assert.Single(await FindAsync(path, Query())).Variants.Count);
        var losers = reserved.Where(p => p!.Variant.Id != winner).Select(p => p!.Variant.Location).ToArray();
        Assert.Equal(9, (await ClaimAsync(losers, Now, TimeSpan.FromMinutes(1))).Count);
    }

    [Fact]
    public async Task An_abandoned_variant_is_never_visible_and_its_object_is_queued_once()
    {
        var path = P("variants/abandoned");
        var asset = await StoreAsync(path);
        var pending = (await Variants.ReserveVariantAsync(asset.Id, Generated(Thumb(63)), None))!;

        await Variants.AbandonPendingVariantAsync(pending, None);

        Assert.Single(Assert.Single(await FindAsync(path, Query())).Variants);
        Assert.Single(await ClaimAsync([pending.Variant.Location], Now, TimeSpan.FromMinutes(1)));
        // Marking it ready afterwards (an upload that outlived its abandonment) does not bring it back.
        Assert.Null(await Variants.MarkVariantReadyAsync(pending, VariantCaps.KeepAll, None));
        Assert.Single(Assert.Single(await FindAsync(path, Query())).Variants);
        // A new generation of the same transformation is not blocked.
        Assert.NotNull(await AddVariantAsync(asset.Id, Generated(Thumb(63))));
    }

    [Fact]
    public async Task Abandoning_a_ready_variant_leaves_it_alone()
    {
        var path = P("variants/abandon-ready");
        var asset = await StoreAsync(path);
        var pending = (await Variants.ReserveVariantAsync(asset.Id, Generated(Thumb(64)), None))!;
        await Variants.MarkVariantReadyAsync(pending, VariantCaps.KeepAll, None);

        // E.g. marking ready succeeded but its answer was lost, and the caller abandons.
        await Variants.AbandonPendingVariantAsync(pending, None);

        Assert.Contains(Assert.Single(await FindAsync(path, Query())).Variants, v => v.Id == pending.Variant.Id);
        Assert.Empty(await ClaimAsync([pending.Variant.Location], Now, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task Deleting_an_asset_queues_the_objects_of_its_pending_variants_and_a_late_upload_is_queued_again()
    {
        var path = P("variants/delete-pending");
        var asset = await StoreAsync(path);
        var uploading = (await Variants.ReserveVariantAsync(asset.Id, Generated(Thumb(65)), None))!;
        var failing = (await Variants.ReserveVariantAsync(asset.Id, Generated(Thumb(66)), None))!;

        await Entries.DeleteAsync(path, Query(), None);

        Assert.Equal(3, (await ClaimAsync([asset.Original.Location, uploading.Variant.Location, failing.Variant.Location], Now,
            TimeSpan.FromMinutes(1))).Count);
        // The uploads end after the deletion, whose queued deletions may have run before the bytes existed: queued again.
        Assert.Null(await Variants.MarkVariantReadyAsync(uploading, VariantCaps.KeepAll, None));
        await Variants.AbandonPendingVariantAsync(failing, None);
        Assert.Equal(2, (await ClaimAsync([uploading.Variant.Location, failing.Variant.Location], Now, TimeSpan.FromMinutes(1))).Count);
    }

    [Fact]
    public async Task Recursive_deletes_queue_pending_variants_too()
    {
        var asset = await StoreAsync(P("variants/tree/leaf"));
        var pending = (await Variants.ReserveVariantAsync(asset.Id, Generated(Thumb(67)), None))!;

        await Entries.DeleteRecursiveAsync(P("variants/tree"), Labels(), None);

        Assert.Single(await ClaimAsync([pending.Variant.Location], Now, TimeSpan.FromMinutes(1)));
    }
}
