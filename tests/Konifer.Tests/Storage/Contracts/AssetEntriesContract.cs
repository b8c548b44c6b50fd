using Konifer.Core.Assets;
using Konifer.Core.Images;

namespace Konifer.Tests.Storage.Contracts;

/// <summary>
/// <see cref="IAssetEntries"/>: entry ids, two-phase creation, finding and updating. Deleting is in
/// <c>AssetEntriesContract.Deletes.cs</c>.
/// </summary>
public abstract partial class AssetEntriesContract : MetadataStoreContract
{
    private async Task<long[]> EntryIdsAsync(AssetPath path) =>
        (await FindAsync(path, Query())).Select(a => a.EntryId).ToArray();

    // ---- entry ids ----

    [Fact]
    public async Task Entry_ids_start_at_0_and_increase_per_path()
    {
        var path = P("users/1/avatar");
        var ids = new List<long>();
        for (var i = 0; i < 3; i++) ids.Add((await StoreAsync(path)).EntryId);

        Assert.Equal([0L, 1L, 2L], ids);
        Assert.Equal(0, (await StoreAsync(P("users/2/avatar"))).EntryId);
    }

    [Fact]
    public async Task Concurrent_creations_at_one_path_get_distinct_ids_0_to_99()
    {
        var path = P("busy");

        var created = await Task.WhenAll(Enumerable.Range(0, 100)
            .Select(_ => Task.Run(() => Entries.CreatePendingAsync(Pending(path), None))));

        Assert.Equal(Enumerable.Range(0, 100).Select(i => (long)i), created.Select(a => a.EntryId).Order());
        Assert.Equal(100, created.Select(a => a.Id).Distinct().Count());
    }

    [Fact]
    public async Task Entry_ids_are_not_reused_after_deletes()
    {
        var path = P("a");
        await StoreAsync(path);
        await StoreAsync(path);

        await Entries.DeleteAsync(path, Query(), None);

        Assert.Equal(2, (await StoreAsync(path)).EntryId);
    }

    // ---- pending, ready, abandoned ----

    [Fact]
    public async Task The_created_asset_is_recorded_as_given()
    {
        var pending = Pending(P("x"), At(7), Labels(("k", "v")), "alt text", ["t1", "t2"]) with
        {
            Source = AssetSource.Url,
            SourceUrl = "https://example.com/cat.jpeg",
            OriginalLqip = new Lqip("LEHV6nWB2yk8pyo0adR*.7kCMdnj", "1QcSHQRnh493V4dIh4eXh1h4kJUI"),
        };

        var created = await Entries.CreatePendingAsync(pending, None);
        await Entries.MarkReadyAsync(created.Id, None);
        var found = Assert.Single(await FindAsync(P("x"), AssetQuery.Newest));

        Assert.Equal(created.Id, found.Id);
        Assert.Equal(P("x"), found.Path);
        Assert.Equal("alt text", found.Information.Alt);
        Assert.Equal(Labels(("k", "v")), found.Information.Labels);
        Assert.Equal(["t1", "t2"], found.Information.Tags);
        Assert.Equal(AssetSource.Url, found.Source);
        Assert.Equal("https://example.com/cat.jpeg", found.SourceUrl);
        Assert.Equal(At(7), found.CreatedAt);
        Assert.Equal(At(7), found.ModifiedAt);
        var original = Assert.Single(found.Variants);
        Assert.True(original.IsOriginal);
        Assert.Equal(pending.OriginalLocation, original.Location);
        Assert.Equal(pending.OriginalAttributes, original.Attributes);
        Assert.Equal(pending.OriginalLqip, original.Lqip);
        Assert.Equal(original, found.Original);
    }

    [Theory]
    [InlineData(AssetSource.Upload, null)]
    [InlineData(AssetSource.Url, "https://example.com/a.png")]
    [InlineData(AssetSource.Arn, "arn:aws:s3:::asset-imports/customers/123/profile.jpeg")]
    public async Task Every_source_kind_reads_back_as_recorded(AssetSource source, string? address)
    {
        var created = await Entries.CreatePendingAsync(Pending(P("src")) with { Source = source, SourceUrl = address }, None);
        await Entries.MarkReadyAsync(created.Id, None);

        var found = Assert.Single(await FindAsync(P("src"), AssetQuery.Newest));
        Assert.Equal((source, address), (found.Source, found.SourceUrl));
    }

    [Fact]
    public async Task A_pending_asset_is_invisible_until_it_is_ready()
    {
        var path = P("p");
        var created = await Entries.CreatePendingAsync(Pending(path), None);

        Assert.Empty(await FindAsync(path, AssetQuery.Newest));
        Assert.Empty(await FindAsync(path, AssetQuery.Entry(created.EntryId)));
        Assert.Null(await Entries.UpdateInformationAsync(path, created.EntryId, AssetInformation.Empty, At(5), None));
        Assert.Equal(0, await Entries.DeleteAsync(path, Query(), None));
        Assert.Equal(0, await Entries.DeleteRecursiveAsync(path, new Dictionary<string, string>(), None));

        var ready = await Entries.MarkReadyAsync(created.Id, None);

        Assert.NotNull(ready);
        Assert.Equal(created.Id, ready.Id);
        Assert.Equal(created.Id, Assert.Single(await FindAsync(path, AssetQuery.Newest)).Id);
    }

    [Fact]
    public async Task A_newer_pending_asset_does_not_hide_the_ready_newest()
    {
        var path = P("p");
        var ready = await StoreAsync(path);
        await Entries.CreatePendingAsync(Pending(path), None);

        Assert.Equal(ready.Id, Assert.Single(await FindAsync(path, AssetQuery.Newest)).Id);
    }

    [Fact]
    public async Task Marking_an_unknown_asset_ready_gives_null()
    {
        Assert.Null(await Entries.MarkReadyAsync(Guid.NewGuid(), None));
    }

    [Fact]
    public async Task An_abandoned_upload_never_becomes_visible_and_its_object_is_queued_for_deletion()
    {
        var path = P("abandoned");
        var created = await Entries.CreatePendingAsync(Pending(path), None);

        await Entries.AbandonPendingAsync(created.Id, None);

        Assert.Null(await Entries.MarkReadyAsync(created.Id, None));
        Assert.Empty(await FindAsync(path, Query()));
        Assert.Equal(1, (await StoreAsync(path)).EntryId);
        var deletion = Assert.Single(await ClaimAsync(ObjectsOf(created), Now, TimeSpan.FromMinutes(1)));
        Assert.Equal(created.Original.Location, deletion.Location);
    }

    // ---- find ----

    [Fact]
    public async Task Find_by_entry_gives_that_entry_only()
    {
        var path = P("e");
        await StoreAsync(path);
        var second = await StoreAsync(path);
        await StoreAsync(path);

        Assert.Equal(second.Id, Assert.Single(await FindAsync(path, AssetQuery.Entry(1))).Id);
        Assert.Empty(await FindAsync(path, AssetQuery.Entry(3)));
    }

    [Fact]
    public async Task Newest_is_the_highest_entry_and_New_order_goes_down_from_it()
    {
        var path = P("n");
        for (var i = 0; i < 4; i++) await StoreAsync(path, At(10 - i)); // creation times deliberately out of order

        Assert.Equal(3, Assert.Single(await FindAsync(path, AssetQuery.Newest)).EntryId);
        Assert.Equal(new long[] { 3L, 2L, 1L, 0L }, await EntryIdsAsync(path));
    }

    [Fact]
    public async Task Modified_order_puts_the_latest_update_first_and_breaks_ties_by_entry()
    {
        var path = P("m");
        for (var i = 0; i < 4; i++) await StoreAsync(path, At(0)); // all created (and so modified) at the same time
        await Entries.UpdateInformationAsync(path, 1, AssetInformation.Empty, At(50), None);
        await Entries.UpdateInformationAsync(path, 0, AssetInformation.Empty, At(60), None);

        var found = await FindAsync(path, Query(AssetOrder.Modified));

        Assert.Equal([0L, 1L, 3L, 2L], found.Select(a => a.EntryId));
        Assert.Equal(0, Assert.Single(await FindAsync(path, Query(AssetOrder.Modified, limit: 1))).EntryId);
    }

    [Fact]
    public async Task Limit_caps_the_result_and_minus_one_means_all()
    {
        var path = P("l");
        for (var i = 0; i < 5; i++) await StoreAsync(path);

        Assert.Equal([4L, 3L], (await FindAsync(path, Query(limit: 2))).Select(a => a.EntryId));
        Assert.Equal(5, (await FindAsync(path, Query(limit: AssetQuery.All))).Count);
        Assert.Equal(5, (await FindAsync(path, Query(limit: 10))).Count);
    }

    [Fact]
    public async Task Label_filters_need_every_given_label_to_match_exactly()
    {
        var path = P("labels");
        var redBig = await StoreAsync(path, labels: Labels(("color", "red"), ("size", "big")));
        var red = await StoreAsync(path, labels: Labels(("color", "red")));
        await StoreAsync(path, labels: Labels(("color", "blue")));
        await StoreAsync(path);

        Assert.Equal([red.Id, redBig.Id], (await FindAsync(path, Query(labels: Labels(("color", "red"))))).Select(a => a.Id));
        Assert.Equal([redBig.Id], (await FindAsync(path, Query(labels: Labels(("color", "red"), ("size", "big"))))).Select(a => a.Id));
        Assert.Empty(await FindAsync(path, Query(labels: Labels(("color", "Red")))));
        Assert.Empty(await FindAsync(path, Query(labels: Labels(("colour", "red")))));
        Assert.Equal(redBig.Id, Assert.Single(await FindAsync(path, new AssetQuery(0, AssetOrder.New, Labels(("size", "big")), 1))).Id);
        Assert.Empty(await FindAsync(path, new AssetQuery(1, AssetOrder.New, Labels(("size", "big")), 1)));
    }

    [Fact]
    public async Task Find_looks_at_exactly_the_given_path()
    {
        await StoreAsync(P("a/b"));
        await StoreAsync(P("a/bc"));

        Assert.Empty(await FindAsync(P("a"), Query()));
        Assert.Single(await FindAsync(P("a/b"), Query()));
        Assert.Empty(await FindAsync(P("a/b/c"), Query()));
        Assert.Empty(await FindAsync(P("A/b"), Query()));
    }

    // ---- update ----

    [Fact]
    public async Task Update_replaces_alt_labels_and_tags_and_bumps_modified_at_only()
    {
        var path = P("u");
        var target = await StoreAsync(Pending(path, At(0), Labels(("old", "1"), ("keep", "x")), "old alt", ["a", "b"]));
        var other = await StoreAsync(Pending(path, At(1), Labels(("old", "1")), "other", ["a"]));
        var information = new AssetInformation("new alt", Labels(("keep", "y")), ["c"]);

        var updated = await Entries.UpdateInformationAsync(path, target.EntryId, information, At(100), None);

        Assert.NotNull(updated);
        foreach (var asset in new[] { updated, Assert.Single(await FindAsync(path, AssetQuery.Entry(target.EntryId))) })
        {
            Assert.Equal(target.Id, asset.Id);
            Assert.Equal("new alt", asset.Information.Alt);
            Assert.Equal(Labels(("keep", "y")), asset.Information.Labels);
            Assert.Equal(["c"], asset.Information.Tags);
            Assert.Equal(At(100), asset.ModifiedAt);
            Assert.Equal(At(0), asset.CreatedAt);
            Assert.Equal(target.Variants, asset.Variants);
        }
        var untouched = Assert.Single(await FindAsync(path, AssetQuery.Entry(other.EntryId)));
        Assert.Equal("other", untouched.Information.Alt);
        Assert.Equal(At(1), untouched.ModifiedAt);
        Assert.Empty(await FindAsync(path, Query(labels: Labels(("old", "1"), ("keep", "x")))));
    }

    [Fact]
    public async Task Update_can_clear_everything()
    {
        var path = P("u");
        await StoreAsync(Pending(path, At(0), Labels(("k", "v")), "alt", ["t"]));

        var updated = await Entries.UpdateInformationAsync(path, 0, AssetInformation.Empty, At(1), None);

        Assert.NotNull(updated);
        var found = Assert.Single(await FindAsync(path, AssetQuery.Newest));
        Assert.Null(found.Information.Alt);
        Assert.Empty(found.Information.Labels);
        Assert.Empty(found.Information.Tags);
    }

    [Fact]
    public async Task Updating_an_unknown_entry_or_path_gives_null()
    {
        await StoreAsync(P("u"));

        Assert.Null(await Entries.UpdateInformationAsync(P("u"), 1, AssetInformation.Empty, At(1), None));
        Assert.Null(await Entries.UpdateInformationAsync(P("nowhere"), 0, AssetInformation.Empty, At(1), None));
    }
}
