using Konifer.Core.Assets;

namespace Konifer.Tests.Storage.Contracts;

/// <summary><see cref="IAssetEntries"/>: deleting, by query and recursively, and queueing the deleted objects.</summary>
public abstract partial class AssetEntriesContract
{
    // ---- delete ----

    [Fact]
    public async Task Delete_by_entry_removes_that_entry_only()
    {
        var path = P("d");
        var sibling = await StoreAsync(P("d2"));
        for (var i = 0; i < 3; i++) await StoreAsync(path);

        Assert.Equal(1, await Entries.DeleteAsync(path, AssetQuery.Entry(1), None));

        Assert.Equal(new long[] { 2L, 0L }, await EntryIdsAsync(path));
        Assert.Equal(sibling.Id, Assert.Single(await FindAsync(P("d2"), Query())).Id);
        Assert.Equal(0, await Entries.DeleteAsync(path, AssetQuery.Entry(1), None));
    }

    [Fact]
    public async Task Delete_newest_removes_the_highest_entry()
    {
        var path = P("d");
        for (var i = 0; i < 3; i++) await StoreAsync(path);

        Assert.Equal(1, await Entries.DeleteAsync(path, AssetQuery.Newest, None));

        Assert.Equal(new long[] { 1L, 0L }, await EntryIdsAsync(path));
    }

    [Fact]
    public async Task Delete_with_a_limit_and_order_removes_the_first_matches_only()
    {
        var path = P("d");
        for (var i = 0; i < 4; i++) await StoreAsync(path);
        await Entries.UpdateInformationAsync(path, 0, AssetInformation.Empty, At(10), None);

        Assert.Equal(2, await Entries.DeleteAsync(path, Query(AssetOrder.Modified, limit: 2), None));

        Assert.Equal(new long[] { 2L, 1L }, await EntryIdsAsync(path));
    }

    [Fact]
    public async Task Delete_with_labels_removes_the_matching_assets_only()
    {
        var path = P("d");
        await StoreAsync(path, labels: Labels(("env", "test")));
        await StoreAsync(path, labels: Labels(("env", "prod")));
        await StoreAsync(path, labels: Labels(("env", "test"), ("x", "y")));
        await StoreAsync(P("d/below"), labels: Labels(("env", "test")));

        Assert.Equal(2, await Entries.DeleteAsync(path, Query(labels: Labels(("env", "test"))), None));

        Assert.Equal(new long[] { 1L }, await EntryIdsAsync(path));
        Assert.Single(await FindAsync(P("d/below"), Query()));
    }

    [Fact]
    public async Task Delete_all_at_a_path_leaves_other_paths()
    {
        var path = P("d");
        for (var i = 0; i < 3; i++) await StoreAsync(path);
        await StoreAsync(P("d/child"));
        await StoreAsync(P("dd"));

        Assert.Equal(3, await Entries.DeleteAsync(path, Query(), None));

        Assert.Empty(await FindAsync(path, Query()));
        Assert.Single(await FindAsync(P("d/child"), Query()));
        Assert.Single(await FindAsync(P("dd"), Query()));
    }

    [Fact]
    public async Task Recursive_delete_removes_the_path_and_its_descendants_but_not_siblings()
    {
        await StoreAsync(P("a/b"));
        await StoreAsync(P("a/b"));
        await StoreAsync(P("a/b/c"));
        await StoreAsync(P("a/b/c/d"));
        await StoreAsync(P("a/bc"));
        await StoreAsync(P("a"));

        Assert.Equal(4, await Entries.DeleteRecursiveAsync(P("a/b"), new Dictionary<string, string>(), None));

        Assert.Empty(await FindAsync(P("a/b"), Query()));
        Assert.Empty(await FindAsync(P("a/b/c"), Query()));
        Assert.Empty(await FindAsync(P("a/b/c/d"), Query()));
        Assert.Single(await FindAsync(P("a/bc"), Query()));
        Assert.Single(await FindAsync(P("a"), Query()));
    }

    [Fact]
    public async Task Recursive_delete_with_labels_removes_matching_assets_only()
    {
        await StoreAsync(P("r"), labels: Labels(("k", "v")));
        await StoreAsync(P("r"), labels: Labels(("k", "other")));
        await StoreAsync(P("r/s"), labels: Labels(("k", "v")));
        await StoreAsync(P("r/s"));

        Assert.Equal(2, await Entries.DeleteRecursiveAsync(P("r"), Labels(("k", "v")), None));

        Assert.Equal(new long[] { 1L }, await EntryIdsAsync(P("r")));
        Assert.Equal(new long[] { 1L }, await EntryIdsAsync(P("r/s")));
    }

    [Fact]
    public async Task Every_deleted_object_is_queued_exactly_once_and_kept_ones_are_not()
    {
        var deleted = new List<Asset>();
        var kept = new List<Asset>();
        for (var i = 0; i < 3; i++) deleted.Add(await StoreAsync(P("o")));
        deleted.Add(await StoreAsync(P("o/child")));
        kept.Add(await StoreAsync(P("keep")));
        deleted.Add(await StoreAsync(P("single")));
        kept.Add(await StoreAsync(P("single")));

        await Entries.DeleteRecursiveAsync(P("o"), new Dictionary<string, string>(), None);
        await Entries.DeleteAsync(P("single"), AssetQuery.Entry(0), None);
        await Entries.DeleteAsync(P("o"), Query(), None); // nothing left there: queues nothing more

        var claimed = await ClaimAsync(ObjectsOf([.. deleted, .. kept]), Now, TimeSpan.FromMinutes(1));
        Assert.Equal(ObjectsOf([.. deleted]).OrderBy(l => l.Key), claimed.Select(d => d.Location).OrderBy(l => l.Key));
        Assert.Equal(claimed.Count, claimed.Select(d => d.Id).Distinct().Count());
    }
}
