using Konifer.Core.Assets;

namespace Konifer.Tests.Storage.Contracts;

/// <summary>
/// Listings of several entries (the <c>entries</c> return format): the order with ties, a limit applied after the
/// order, and label filters together with both.
/// </summary>
public abstract partial class AssetEntriesContract
{
    [Fact]
    public async Task A_new_order_listing_of_entries_created_at_the_same_time_goes_down_by_entry()
    {
        var path = P("tied-new");
        for (var i = 0; i < 5; i++) await StoreAsync(path, At(0), Labels(("kind", i % 2 == 0 ? "even" : "odd")));

        Assert.Equal([4L, 3L, 2L], (await FindAsync(path, Query(AssetOrder.New, limit: 3))).Select(a => a.EntryId));
        Assert.Equal([4L, 2L, 0L], (await FindAsync(path, Query(AssetOrder.New, labels: Labels(("kind", "even"))))).Select(a => a.EntryId));
        Assert.Equal([4L, 2L], (await FindAsync(path, Query(AssetOrder.New, limit: 2, labels: Labels(("kind", "even"))))).Select(a => a.EntryId));
    }

    [Fact]
    public async Task A_modified_order_listing_puts_the_latest_updates_first_and_breaks_every_tie_by_entry()
    {
        var path = P("tied-modified");
        for (var i = 0; i < 5; i++) await StoreAsync(path, At(0), Labels(("kind", i % 2 == 0 ? "even" : "odd")));
        // Entries 1 and 3 are updated at the same instant; 0, 2 and 4 keep their equal creation time.
        await Entries.UpdateInformationAsync(path, 1, new AssetInformation(null, Labels(("kind", "odd")), []), At(9), None);
        await Entries.UpdateInformationAsync(path, 3, new AssetInformation(null, Labels(("kind", "odd")), []), At(9), None);

        Assert.Equal([3L, 1L, 4L, 2L, 0L], (await FindAsync(path, Query(AssetOrder.Modified))).Select(a => a.EntryId));
        Assert.Equal([3L, 1L, 4L], (await FindAsync(path, Query(AssetOrder.Modified, limit: 3))).Select(a => a.EntryId));
        Assert.Equal([4L, 2L], (await FindAsync(path, Query(AssetOrder.Modified, limit: 2, labels: Labels(("kind", "even"))))).Select(a => a.EntryId));
    }

    [Fact]
    public async Task A_listing_of_a_path_without_entries_is_empty()
    {
        await StoreAsync(P("listed/child"));

        Assert.Empty(await FindAsync(P("listed"), Query(AssetOrder.New)));
        Assert.Empty(await FindAsync(P("listed"), Query(AssetOrder.Modified, limit: 20)));
    }
}
