using Konifer.Core.Assets;
using Konifer.Core.Images;
using Konifer.Core.Storage;
using Konifer.Core.Transformations;

namespace Konifer.Tests.Storage.Contracts;

/// <summary>
/// What every metadata store must do, seen only through <see cref="IAssetRepository"/> and
/// <see cref="IObjectDeletionOutbox"/>. Every test works below its own random root path and only looks at outbox
/// entries for objects it created, so one database may serve all tests. Times are whole seconds (any database keeps
/// them exactly); outbox claims use the real clock because new deletions are due at once.
/// </summary>
public abstract class AssetRepositoryContract
{
    private readonly Lazy<(IAssetRepository Assets, IObjectDeletionOutbox Outbox)> _stores;
    private readonly string _root = "t" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>Creates the store under test: the repository and the outbox its deletes write to (may be one object).</summary>
    protected abstract (IAssetRepository Assets, IObjectDeletionOutbox Outbox) CreateRepository();

    protected AssetRepositoryContract() =>
        _stores = new(CreateRepository, LazyThreadSafetyMode.ExecutionAndPublication);

    private IAssetRepository Assets => _stores.Value.Assets;
    private IObjectDeletionOutbox Outbox => _stores.Value.Outbox;

    private static CancellationToken None => CancellationToken.None;

    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset At(int seconds) => T0.AddSeconds(seconds);

    /// <summary>A path below this test's root, e.g. <c>P("a/b")</c>.</summary>
    private AssetPath P(string relative) => AssetPath.Parse($"/{_root}/{relative}");

    private static Dictionary<string, string> Labels(params (string Key, string Value)[] labels) =>
        labels.ToDictionary(l => l.Key, l => l.Value);

    private static PendingAsset Pending(AssetPath path, DateTimeOffset? createdAt = null, Dictionary<string, string>? labels = null,
        string? alt = null, IReadOnlyList<string>? tags = null) =>
        new(path,
            new AssetInformation(alt, labels ?? [], tags ?? []),
            AssetSource.Upload,
            null,
            ObjectLocation.NewFor("assets", ImageFormat.Jpeg),
            new ImageAttributes(640, 480, ImageFormat.Jpeg, 1, null, "srgb"),
            Lqip.None,
            createdAt ?? T0);

    private async Task<Asset> StoreAsync(PendingAsset pending)
    {
        var created = await Assets.CreatePendingAsync(pending, None);
        var ready = await Assets.MarkReadyAsync(created.Id, None);
        Assert.NotNull(ready);
        return ready;
    }

    private Task<Asset> StoreAsync(AssetPath path, DateTimeOffset? createdAt = null, Dictionary<string, string>? labels = null) =>
        StoreAsync(Pending(path, createdAt, labels));

    private Task<IReadOnlyList<Asset>> FindAsync(AssetPath path, AssetQuery query) => Assets.FindAsync(path, query, None);

    private static AssetQuery Query(AssetOrder order = AssetOrder.New, int limit = AssetQuery.All, Dictionary<string, string>? labels = null) =>
        new(null, order, labels ?? [], limit);

    private async Task<long[]> EntryIdsAsync(AssetPath path) =>
        (await FindAsync(path, Query())).Select(a => a.EntryId).ToArray();

    /// <summary>Claims every due deletion and keeps those of the given objects (other tests may share the outbox).</summary>
    private async Task<List<PendingDeletion>> ClaimAsync(IEnumerable<ObjectLocation> locations, DateTimeOffset now, TimeSpan lease)
    {
        var wanted = locations.ToHashSet();
        var claimed = await Outbox.ClaimDueAsync(10_000, now, lease, None);
        return claimed.Where(d => wanted.Contains(d.Location)).ToList();
    }

    private static DateTimeOffset Now => DateTimeOffset.UtcNow.AddSeconds(5);

    private static IEnumerable<ObjectLocation> ObjectsOf(params Asset[] assets) => assets.SelectMany(a => a.Variants.Select(v => v.Location));

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
            .Select(_ => Task.Run(() => Assets.CreatePendingAsync(Pending(path), None))));

        Assert.Equal(Enumerable.Range(0, 100).Select(i => (long)i), created.Select(a => a.EntryId).Order());
        Assert.Equal(100, created.Select(a => a.Id).Distinct().Count());
    }

    [Fact]
    public async Task Entry_ids_are_not_reused_after_deletes()
    {
        var path = P("a");
        await StoreAsync(path);
        await StoreAsync(path);

        await Assets.DeleteAsync(path, Query(), None);

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

        var created = await Assets.CreatePendingAsync(pending, None);
        await Assets.MarkReadyAsync(created.Id, None);
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

    [Fact]
    public async Task A_pending_asset_is_invisible_until_it_is_ready()
    {
        var path = P("p");
        var created = await Assets.CreatePendingAsync(Pending(path), None);

        Assert.Empty(await FindAsync(path, AssetQuery.Newest));
        Assert.Empty(await FindAsync(path, AssetQuery.Entry(created.EntryId)));
        Assert.Null(await Assets.UpdateInformationAsync(path, created.EntryId, AssetInformation.Empty, At(5), None));
        Assert.Equal(0, await Assets.DeleteAsync(path, Query(), None));
        Assert.Equal(0, await Assets.DeleteRecursiveAsync(path, new Dictionary<string, string>(), None));

        var ready = await Assets.MarkReadyAsync(created.Id, None);

        Assert.NotNull(ready);
        Assert.Equal(created.Id, ready.Id);
        Assert.Equal(created.Id, Assert.Single(await FindAsync(path, AssetQuery.Newest)).Id);
    }

    [Fact]
    public async Task A_newer_pending_asset_does_not_hide_the_ready_newest()
    {
        var path = P("p");
        var ready = await StoreAsync(path);
        await Assets.CreatePendingAsync(Pending(path), None);

        Assert.Equal(ready.Id, Assert.Single(await FindAsync(path, AssetQuery.Newest)).Id);
    }

    [Fact]
    public async Task Marking_an_unknown_asset_ready_gives_null()
    {
        Assert.Null(await Assets.MarkReadyAsync(Guid.NewGuid(), None));
    }

    [Fact]
    public async Task An_abandoned_upload_never_becomes_visible_and_its_object_is_queued_for_deletion()
    {
        var path = P("abandoned");
        var created = await Assets.CreatePendingAsync(Pending(path), None);

        await Assets.AbandonPendingAsync(created.Id, None);

        Assert.Null(await Assets.MarkReadyAsync(created.Id, None));
        Assert.Empty(await FindAsync(path, Query()));
        Assert.Equal(1, (await StoreAsync(path)).EntryId);
        var deletion = Assert.Single(await ClaimAsync(ObjectsOf(created), Now, TimeSpan.FromMinutes(1)));
        Assert.Equal(created.Original.Location, deletion.Location);
    }

    // ---- stale pending uploads ----

    /// <summary>
    /// Creation times for the stale-upload tests: a random hour in the 1900s, far older than anything other tests
    /// store, so that "oldest first, at most max" sees only this test's rows even in a shared database.
    /// </summary>
    private readonly DateTimeOffset _longAgo = new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.Zero)
        .AddHours(Random.Shared.Next(0, 24 * 365 * 90));

    [Fact]
    public async Task Stale_pending_uploads_are_found_oldest_first_with_their_original()
    {
        var path = P("uploads");
        var newer = await Assets.CreatePendingAsync(Pending(path, _longAgo.AddMinutes(-30)), None);
        var older = await Assets.CreatePendingAsync(Pending(path, _longAgo.AddHours(-2)), None);
        await StoreAsync(Pending(path, _longAgo.AddHours(-3))); // ready: a finished upload is never stale
        var fresh = await Assets.CreatePendingAsync(Pending(path, _longAgo.AddMinutes(-5)), None);
        var cutoff = _longAgo.AddMinutes(-10);
        try
        {
            var stale = await Assets.FindPendingOlderThanAsync(cutoff, 10_000, None);

            var mine = stale.Where(a => a.Path.Equals(path)).ToArray();
            Assert.Equal([older.Id, newer.Id], mine.Select(a => a.Id));
            Assert.Equal(older.Original.Location, mine[0].Original.Location);
            Assert.Equal(older.EntryId, mine[0].EntryId);
            Assert.Equal([older.Id], (await Assets.FindPendingOlderThanAsync(cutoff, 1, None)).Select(a => a.Id));
            Assert.Empty(await Assets.FindPendingOlderThanAsync(cutoff, 0, None));
        }
        finally
        {
            foreach (var asset in new[] { newer, older, fresh }) await Assets.AbandonPendingAsync(asset.Id, None);
        }
    }

    [Fact]
    public async Task The_cutoff_is_exclusive()
    {
        var created = await Assets.CreatePendingAsync(Pending(P("edge"), _longAgo), None);
        try
        {
            Assert.DoesNotContain(created.Id, (await Assets.FindPendingOlderThanAsync(_longAgo, 10_000, None)).Select(a => a.Id));
            Assert.Contains(created.Id, (await Assets.FindPendingOlderThanAsync(_longAgo.AddSeconds(1), 10_000, None)).Select(a => a.Id));
        }
        finally
        {
            await Assets.AbandonPendingAsync(created.Id, None);
        }
    }

    [Fact]
    public async Task Abandoned_or_ready_uploads_are_no_longer_stale()
    {
        var path = P("settled");
        var abandoned = await Assets.CreatePendingAsync(Pending(path, _longAgo.AddHours(-2)), None);
        var finished = await Assets.CreatePendingAsync(Pending(path, _longAgo.AddHours(-2)), None);

        await Assets.AbandonPendingAsync(abandoned.Id, None);
        await Assets.MarkReadyAsync(finished.Id, None);

        Assert.DoesNotContain(await Assets.FindPendingOlderThanAsync(_longAgo, 10_000, None), a => a.Path.Equals(path));
        // Abandoning a ready asset (a sweeper that lost the race against the upload) leaves it visible.
        await Assets.AbandonPendingAsync(finished.Id, None);
        Assert.Equal(finished.Id, Assert.Single(await FindAsync(path, Query())).Id);
        Assert.Empty(await ClaimAsync(ObjectsOf(finished), Now, TimeSpan.FromMinutes(1)));
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
        await Assets.UpdateInformationAsync(path, 1, AssetInformation.Empty, At(50), None);
        await Assets.UpdateInformationAsync(path, 0, AssetInformation.Empty, At(60), None);

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

        var updated = await Assets.UpdateInformationAsync(path, target.EntryId, information, At(100), None);

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

        var updated = await Assets.UpdateInformationAsync(path, 0, AssetInformation.Empty, At(1), None);

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

        Assert.Null(await Assets.UpdateInformationAsync(P("u"), 1, AssetInformation.Empty, At(1), None));
        Assert.Null(await Assets.UpdateInformationAsync(P("nowhere"), 0, AssetInformation.Empty, At(1), None));
    }

    // ---- delete ----

    [Fact]
    public async Task Delete_by_entry_removes_that_entry_only()
    {
        var path = P("d");
        var sibling = await StoreAsync(P("d2"));
        for (var i = 0; i < 3; i++) await StoreAsync(path);

        Assert.Equal(1, await Assets.DeleteAsync(path, AssetQuery.Entry(1), None));

        Assert.Equal(new long[] { 2L, 0L }, await EntryIdsAsync(path));
        Assert.Equal(sibling.Id, Assert.Single(await FindAsync(P("d2"), Query())).Id);
        Assert.Equal(0, await Assets.DeleteAsync(path, AssetQuery.Entry(1), None));
    }

    [Fact]
    public async Task Delete_newest_removes_the_highest_entry()
    {
        var path = P("d");
        for (var i = 0; i < 3; i++) await StoreAsync(path);

        Assert.Equal(1, await Assets.DeleteAsync(path, AssetQuery.Newest, None));

        Assert.Equal(new long[] { 1L, 0L }, await EntryIdsAsync(path));
    }

    [Fact]
    public async Task Delete_with_a_limit_and_order_removes_the_first_matches_only()
    {
        var path = P("d");
        for (var i = 0; i < 4; i++) await StoreAsync(path);
        await Assets.UpdateInformationAsync(path, 0, AssetInformation.Empty, At(10), None);

        Assert.Equal(2, await Assets.DeleteAsync(path, Query(AssetOrder.Modified, limit: 2), None));

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

        Assert.Equal(2, await Assets.DeleteAsync(path, Query(labels: Labels(("env", "test"))), None));

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

        Assert.Equal(3, await Assets.DeleteAsync(path, Query(), None));

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

        Assert.Equal(4, await Assets.DeleteRecursiveAsync(P("a/b"), new Dictionary<string, string>(), None));

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

        Assert.Equal(2, await Assets.DeleteRecursiveAsync(P("r"), Labels(("k", "v")), None));

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

        await Assets.DeleteRecursiveAsync(P("o"), new Dictionary<string, string>(), None);
        await Assets.DeleteAsync(P("single"), AssetQuery.Entry(0), None);
        await Assets.DeleteAsync(P("o"), Query(), None); // nothing left there: queues nothing more

        var claimed = await ClaimAsync(ObjectsOf([.. deleted, .. kept]), Now, TimeSpan.FromMinutes(1));
        Assert.Equal(ObjectsOf([.. deleted]).OrderBy(l => l.Key), claimed.Select(d => d.Location).OrderBy(l => l.Key));
        Assert.Equal(claimed.Count, claimed.Select(d => d.Id).Distinct().Count());
    }

    // ---- outbox ----

    [Fact]
    public async Task A_claim_leases_its_entries_until_the_lease_runs_out()
    {
        var asset = await StoreAsync(P("lease"));
        await Assets.DeleteAsync(P("lease"), Query(), None);
        var now = Now;

        var first = Assert.Single(await ClaimAsync(ObjectsOf(asset), now, TimeSpan.FromMinutes(1)));
        Assert.Equal(1, first.Attempts);

        Assert.Empty(await ClaimAsync(ObjectsOf(asset), now, TimeSpan.FromMinutes(1)));
        Assert.Empty(await ClaimAsync(ObjectsOf(asset), now.AddSeconds(59), TimeSpan.FromMinutes(1)));

        var second = Assert.Single(await ClaimAsync(ObjectsOf(asset), now.AddSeconds(61), TimeSpan.FromMinutes(1)));
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(2, second.Attempts);
    }

    [Fact]
    public async Task Retry_later_makes_an_entry_due_at_the_given_time()
    {
        var asset = await StoreAsync(P("retry"));
        await Assets.DeleteAsync(P("retry"), Query(), None);
        var now = Now;
        var claimed = Assert.Single(await ClaimAsync(ObjectsOf(asset), now, TimeSpan.FromSeconds(10)));

        await Outbox.RetryLaterAsync(claimed.Id, now.AddMinutes(10), "store unavailable", None);

        Assert.Empty(await ClaimAsync(ObjectsOf(asset), now.AddMinutes(5), TimeSpan.FromSeconds(10)));
        var again = Assert.Single(await ClaimAsync(ObjectsOf(asset), now.AddMinutes(10), TimeSpan.FromSeconds(10)));
        Assert.Equal(claimed.Id, again.Id);
    }

    [Fact]
    public async Task Complete_removes_the_entry_for_good()
    {
        var asset = await StoreAsync(P("complete"));
        await Assets.DeleteAsync(P("complete"), Query(), None);
        var now = Now;
        var claimed = Assert.Single(await ClaimAsync(ObjectsOf(asset), now, TimeSpan.FromSeconds(1)));
        var before = await Outbox.CountAsync(None);

        await Outbox.CompleteAsync(claimed.Id, None);

        Assert.Equal(before - 1, await Outbox.CountAsync(None));
        Assert.Empty(await ClaimAsync(ObjectsOf(asset), now.AddHours(1), TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task Deletes_grow_the_outbox_count()
    {
        var assets = new[] { await StoreAsync(P("count")), await StoreAsync(P("count")) };
        var before = await Outbox.CountAsync(None);

        await Assets.DeleteAsync(P("count"), Query(), None);

        Assert.Equal(before + ObjectsOf(assets).Count(), await Outbox.CountAsync(None));
    }

    [Fact]
    public async Task A_claim_takes_at_most_max_entries()
    {
        for (var i = 0; i < 3; i++) await StoreAsync(P("max"));
        await Assets.DeleteAsync(P("max"), Query(), None);

        var claimed = await Outbox.ClaimDueAsync(2, Now, TimeSpan.FromMinutes(1), None);

        Assert.Equal(2, claimed.Count);
    }

    private static Transformation Thumb(int width, ImageFormat format = ImageFormat.Webp) =>
        new(width, width, Fit.Fill, Gravity.Attention, format, Rotation.Ninety, Flip.H, Filter.Sepia, 3, 80,
            new Padding(2, new Rgba(255, 0, 0, 128)), MetadataStrip.Exif | MetadataStrip.Xmp, ColorSpace.Srgb);

    private static NewVariant Generated(Transformation transformation, DateTimeOffset? expiresAt = null) =>
        new(transformation, ObjectLocation.NewFor("assets", transformation.Format),
            new ImageAttributes(transformation.Width, transformation.Height, transformation.Format, 1, null, "srgb"),
            new Lqip("LEHV6nWB2yk8pyo0adR*.7kCMdnj", "1QcSHQRnh493V4dIh4eXh1h4kJUI"), At(10), expiresAt);

    /// <summary>Reserves and marks ready at once, as a generation whose upload succeeded does.</summary>
    private async Task<Variant?> AddVariantAsync(Guid assetId, NewVariant variant) =>
        await Assets.ReserveVariantAsync(assetId, variant, None) is { } pending ? await Assets.MarkVariantReadyAsync(pending, None) : null;

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
        await Assets.ReserveVariantAsync(bare.Id, Generated(Thumb(50)), None);

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
        await Assets.DeleteAsync(P("variants/gone"), Query(), None);
        var generated = Generated(Thumb(20));

        Assert.Null(await Assets.ReserveVariantAsync(asset.Id, generated, None));
        Assert.Null(await Assets.ReserveVariantAsync(Guid.NewGuid(), generated, None));
        Assert.Empty(await ClaimAsync([generated.Location], Now, TimeSpan.FromMinutes(1))); // nothing was uploaded yet
    }

    [Fact]
    public async Task A_variant_of_a_pending_asset_is_not_reserved()
    {
        var created = await Assets.CreatePendingAsync(Pending(P("variants/pending-asset")), None);
        try
        {
            Assert.Null(await Assets.ReserveVariantAsync(created.Id, Generated(Thumb(21)), None));
        }
        finally
        {
            await Assets.AbandonPendingAsync(created.Id, None);
        }
    }

    [Fact]
    public async Task Deleting_an_asset_queues_its_variants_objects()
    {
        var asset = await StoreAsync(P("variants/delete"));
        var variant = await AddVariantAsync(asset.Id, Generated(Thumb(30)));

        await Assets.DeleteAsync(P("variants/delete"), Query(), None);

        Assert.Equal(2, (await ClaimAsync([asset.Original.Location, variant!.Location], Now, TimeSpan.FromMinutes(1))).Count);
    }

    [Fact]
    public async Task Expired_variants_are_deleted_and_queued_but_never_originals()
    {
        var asset = await StoreAsync(P("variants/expire"));
        var expired = await AddVariantAsync(asset.Id, Generated(Thumb(40), At(100)));
        var touched = await AddVariantAsync(asset.Id, Generated(Thumb(41), At(100)));
        var fresh = await AddVariantAsync(asset.Id, Generated(Thumb(42), At(10_000)));
        var forever = await AddVariantAsync(asset.Id, Generated(Thumb(43)));
        await Assets.TouchVariantAsync(asset.Id, touched!.Id, At(5_000), None);

        var deleted = 0;
        int round;
        while ((round = await Assets.DeleteExpiredVariantsAsync(At(200), 1, None)) > 0) deleted += round;

        Assert.True(deleted >= 1);
        var remaining = (await FindAsync(P("variants/expire"), Query())).Single().Variants;
        Assert.DoesNotContain(remaining, v => v.Id == expired!.Id);
        Assert.Contains(remaining, v => v.Id == touched.Id && v.ExpiresAt == At(5_000));
        Assert.Contains(remaining, v => v.Id == fresh!.Id);
        Assert.Contains(remaining, v => v.Id == forever!.Id);
        Assert.Contains(remaining, v => v.IsOriginal);
        Assert.Single(await ClaimAsync([expired!.Location], Now, TimeSpan.FromMinutes(1)));
    }

    // ---- pending (two-phase) variants ----

    [Fact]
    public async Task A_reserved_variant_is_invisible_until_it_is_ready()
    {
        var path = P("variants/two-phase");
        var asset = await StoreAsync(path);
        var generated = Generated(Thumb(60), At(3600));

        var pending = await Assets.ReserveVariantAsync(asset.Id, generated, None);

        Assert.NotNull(pending);
        Assert.Equal(asset.Id, pending.AssetId);
        Assert.Equal(generated.Location, pending.Variant.Location);
        Assert.Equal(generated.Transformation, pending.Variant.Transformation);
        Assert.False(pending.Variant.IsOriginal);
        Assert.True(Assert.Single(Assert.Single(await FindAsync(path, Query())).Variants).IsOriginal);

        var ready = await Assets.MarkVariantReadyAsync(pending, None);

        Assert.Equal(pending.Variant, ready);
        var variant = Assert.Single(Assert.Single(await FindAsync(path, Query())).Variants, v => !v.IsOriginal);
        Assert.Equal(pending.Variant, variant);
        // Marking again (a retried call) answers with the same variant and queues nothing.
        Assert.Equal(pending.Variant, await Assets.MarkVariantReadyAsync(pending, None));
        Assert.Empty(await ClaimAsync([generated.Location], Now, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task A_pending_variant_does_not_block_another_reservation_and_the_first_made_ready_wins()
    {
        var path = P("variants/pending-race");
        var asset = await StoreAsync(path);
        var slow = await Assets.ReserveVariantAsync(asset.Id, Generated(Thumb(61)), None);
        var fast = await Assets.ReserveVariantAsync(asset.Id, Generated(Thumb(61)), None);
        Assert.NotNull(slow);
        Assert.NotNull(fast);
        Assert.NotEqual(slow.Variant.Id, fast.Variant.Id);

        var winner = await Assets.MarkVariantReadyAsync(fast, None);
        var loser = await Assets.MarkVariantReadyAsync(slow, None);

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
            .Select(_ => Task.Run(() => Assets.ReserveVariantAsync(asset.Id, Generated(Thumb(62)), None))));

        var ready = await Task.WhenAll(reserved.Select(p => Task.Run(() => Assets.MarkVariantReadyAsync(p!, None))));

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
        var pending = (await Assets.ReserveVariantAsync(asset.Id, Generated(Thumb(63)), None))!;

        await Assets.AbandonPendingVariantAsync(pending, None);

        Assert.Single(Assert.Single(await FindAsync(path, Query())).Variants);
        Assert.Single(await ClaimAsync([pending.Variant.Location], Now, TimeSpan.FromMinutes(1)));
        // Marking it ready afterwards (an upload that outlived its abandonment) does not bring it back.
        Assert.Null(await Assets.MarkVariantReadyAsync(pending, None));
        Assert.Single(Assert.Single(await FindAsync(path, Query())).Variants);
        // A new generation of the same transformation is not blocked.
        Assert.NotNull(await AddVariantAsync(asset.Id, Generated(Thumb(63))));
    }

    [Fact]
    public async Task Abandoning_a_ready_variant_leaves_it_alone()
    {
        var path = P("variants/abandon-ready");
        var asset = await StoreAsync(path);
        var pending = (await Assets.ReserveVariantAsync(asset.Id, Generated(Thumb(64)), None))!;
        await Assets.MarkVariantReadyAsync(pending, None);

        // E.g. marking ready succeeded but its answer was lost, and the caller abandons.
        await Assets.AbandonPendingVariantAsync(pending, None);

        Assert.Contains(Assert.Single(await FindAsync(path, Query())).Variants, v => v.Id == pending.Variant.Id);
        Assert.Empty(await ClaimAsync([pending.Variant.Location], Now, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task Deleting_an_asset_queues_the_objects_of_its_pending_variants_and_a_late_upload_is_queued_again()
    {
        var path = P("variants/delete-pending");
        var asset = await StoreAsync(path);
        var uploading = (await Assets.ReserveVariantAsync(asset.Id, Generated(Thumb(65)), None))!;
        var failing = (await Assets.ReserveVariantAsync(asset.Id, Generated(Thumb(66)), None))!;

        await Assets.DeleteAsync(path, Query(), None);

        Assert.Equal(3, (await ClaimAsync([asset.Original.Location, uploading.Variant.Location, failing.Variant.Location], Now,
            TimeSpan.FromMinutes(1))).Count);
        // The uploads end after the deletion, whose queued deletions may have run before the bytes existed: queued again.
        Assert.Null(await Assets.MarkVariantReadyAsync(uploading, None));
        await Assets.AbandonPendingVariantAsync(failing, None);
        Assert.Equal(2, (await ClaimAsync([uploading.Variant.Location, failing.Variant.Location], Now, TimeSpan.FromMinutes(1))).Count);
    }

    [Fact]
    public async Task Recursive_deletes_queue_pending_variants_too()
    {
        var asset = await StoreAsync(P("variants/tree/leaf"));
        var pending = (await Assets.ReserveVariantAsync(asset.Id, Generated(Thumb(67)), None))!;

        await Assets.DeleteRecursiveAsync(P("variants/tree"), Labels(), None);

        Assert.Single(await ClaimAsync([pending.Variant.Location], Now, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task Pending_variants_are_not_expired_by_the_reaper()
    {
        var path = P("variants/expire-pending");
        var asset = await StoreAsync(path);
        var pending = (await Assets.ReserveVariantAsync(asset.Id, Generated(Thumb(68), At(100)), None))!;
        try
        {
            while (await Assets.DeleteExpiredVariantsAsync(At(200), 100, None) > 0) { }

            Assert.Empty(await ClaimAsync([pending.Variant.Location], Now, TimeSpan.FromMinutes(1)));
            Assert.Equal(pending.Variant, await Assets.MarkVariantReadyAsync(pending, None));
        }
        finally
        {
            await Assets.DeleteAsync(path, Query(), None);
        }
    }

    private NewVariant GeneratedLongAgo(int width, TimeSpan before) => Generated(Thumb(width)) with { CreatedAt = _longAgo - before };

    [Fact]
    public async Task Stale_pending_variants_are_swept_oldest_first_and_queued_while_fresh_and_ready_ones_stay()
    {
        var path = P("variants/sweep");
        var asset = await StoreAsync(path);
        var newer = (await Assets.ReserveVariantAsync(asset.Id, GeneratedLongAgo(70, TimeSpan.FromMinutes(30)), None))!;
        var older = (await Assets.ReserveVariantAsync(asset.Id, GeneratedLongAgo(71, TimeSpan.FromHours(2)), None))!;
        var fresh = (await Assets.ReserveVariantAsync(asset.Id, GeneratedLongAgo(72, TimeSpan.FromMinutes(5)), None))!;
        var ready = await AddVariantAsync(asset.Id, GeneratedLongAgo(73, TimeSpan.FromHours(3)));
        var cutoff = _longAgo.AddMinutes(-10);
        try
        {
            Assert.Empty(await Assets.SweepPendingVariantsAsync(cutoff, 0, None));
            var first = await Assets.SweepPendingVariantsAsync(cutoff, 1, None);
            var rest = await Assets.SweepPendingVariantsAsync(cutoff, 10_000, None);

            Assert.Equal([older], first);
            Assert.Equal([newer], rest.Where(p => p.AssetId == asset.Id));
            Assert.Empty(await Assets.SweepPendingVariantsAsync(cutoff, 10_000, None));
            Assert.Equal(2, (await ClaimAsync([older.Variant.Location, newer.Variant.Location], Now, TimeSpan.FromMinutes(1))).Count);
            Assert.Empty(await ClaimAsync([fresh.Variant.Location, ready!.Location, asset.Original.Location], Now, TimeSpan.FromMinutes(1)));
            // A swept upload that finishes late does not appear; the fresh one still can.
            Assert.Null(await Assets.MarkVariantReadyAsync(older, None));
            Assert.Equal(fresh.Variant, await Assets.MarkVariantReadyAsync(fresh, None));
            Assert.Equal(3, Assert.Single(await FindAsync(path, Query())).Variants.Count);
        }
        finally
        {
            await Assets.DeleteAsync(path, Query(), None);
        }
    }

    [Fact]
    public async Task The_variant_sweep_cutoff_is_exclusive()
    {
        var path = P("variants/sweep-edge");
        var asset = await StoreAsync(path);
        var pending = (await Assets.ReserveVariantAsync(asset.Id, Generated(Thumb(74)) with { CreatedAt = _longAgo }, None))!;
        try
        {
            Assert.DoesNotContain(pending, await Assets.SweepPendingVariantsAsync(_longAgo, 10_000, None));
            Assert.Contains(pending, await Assets.SweepPendingVariantsAsync(_longAgo.AddSeconds(1), 10_000, None));
        }
        finally
        {
            await Assets.DeleteAsync(path, Query(), None);
        }
    }
}
