using Konifer.Core.Assets;
using Konifer.Core.Images;
using Konifer.Core.Storage;
using Konifer.Core.Transformations;

namespace Konifer.Tests.Storage.Contracts;

/// <summary>
/// What every metadata store must do, seen only through its role interfaces: one abstract contract per role
/// (<see cref="AssetEntriesContract"/>, <see cref="VariantRecordsContract"/>, <see cref="StaleRecordsContract"/>,
/// <see cref="ObjectDeletionOutboxContract"/>), each run per store; this is their common setup. Every test works below
/// its own random root path and only looks at outbox entries for objects it created, so one database may serve all
/// tests. Times are whole seconds (any database keeps them exactly); outbox claims use the real clock because new
/// deletions are due at once.
/// </summary>
public abstract class MetadataStoreContract
{
    private readonly Lazy<MetadataStoreRoles> _store;
    private readonly string _root = "t" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>Creates the store under test: every role of it (one object in practice, as deletes write the outbox).</summary>
    protected abstract MetadataStoreRoles CreateStore();

    protected MetadataStoreContract() =>
        _store = new(CreateStore, LazyThreadSafetyMode.ExecutionAndPublication);

    protected IAssetEntries Entries => _store.Value.Entries;

    protected IVariantRecords Variants => _store.Value.Variants;

    protected IStaleRecords Stale => _store.Value.Stale;

    protected IObjectDeletionOutbox Outbox => _store.Value.Outbox;

    protected static CancellationToken None => CancellationToken.None;

    protected static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    protected static DateTimeOffset At(int seconds) => T0.AddSeconds(seconds);

    /// <summary>A path below this test's root, e.g. <c>P("a/b")</c>.</summary>
    protected AssetPath P(string relative) => AssetPath.Parse($"/{_root}/{relative}");

    protected static Dictionary<string, string> Labels(params (string Key, string Value)[] labels) =>
        labels.ToDictionary(l => l.Key, l => l.Value);

    protected static PendingAsset Pending(AssetPath path, DateTimeOffset? createdAt = null, Dictionary<string, string>? labels = null,
        string? alt = null, IReadOnlyList<string>? tags = null) =>
        new(path,
            new AssetInformation(alt, labels ?? [], tags ?? []),
            AssetSource.Upload,
            null,
            ObjectLocation.NewFor("assets", ImageFormat.Jpeg),
            new ImageAttributes(640, 480, ImageFormat.Jpeg, 1, null, "srgb"),
            Lqip.None,
            createdAt ?? T0);

    protected async Task<Asset> StoreAsync(PendingAsset pending)
    {
        var created = await Entries.CreatePendingAsync(pending, None);
        var ready = await Entries.MarkReadyAsync(created.Id, None);
        Assert.NotNull(ready);
        return ready;
    }

    protected Task<Asset> StoreAsync(AssetPath path, DateTimeOffset? createdAt = null, Dictionary<string, string>? labels = null) =>
        StoreAsync(Pending(path, createdAt, labels));

    protected Task<IReadOnlyList<Asset>> FindAsync(AssetPath path, AssetQuery query) => Entries.FindAsync(path, query, None);

    protected static AssetQuery Query(AssetOrder order = AssetOrder.New, int limit = AssetQuery.All, Dictionary<string, string>? labels = null) =>
        new(null, order, labels ?? [], limit);

    /// <summary>Claims every due deletion and keeps those of the given objects (other tests may share the outbox).</summary>
    protected async Task<List<PendingDeletion>> ClaimAsync(IEnumerable<ObjectLocation> locations, DateTimeOffset now, TimeSpan lease)
    {
        var wanted = locations.ToHashSet();
        var claimed = await Outbox.ClaimDueAsync(10_000, now, lease, None);
        return claimed.Where(d => wanted.Contains(d.Location)).ToList();
    }

    protected static DateTimeOffset Now => DateTimeOffset.UtcNow.AddSeconds(5);

    protected static IEnumerable<ObjectLocation> ObjectsOf(params Asset[] assets) => assets.SelectMany(a => a.Variants.Select(v => v.Location));

    protected static Transformation Thumb(int width, ImageFormat format = ImageFormat.Webp) =>
        new(width, width, Fit.Fill, Gravity.Attention, format, Rotation.Ninety, Flip.H, Filter.Sepia, 3, 80,
            new Padding(2, new Rgba(255, 0, 0, 128)), MetadataStrip.Exif | MetadataStrip.Xmp, ColorSpace.Srgb);

    protected static NewVariant Generated(Transformation transformation, DateTimeOffset? expiresAt = null) =>
        new(transformation, ObjectLocation.NewFor("assets", transformation.Format),
            new ImageAttributes(transformation.Width, transformation.Height, transformation.Format, 1, null, "srgb"),
            new Lqip("LEHV6nWB2yk8pyo0adR*.7kCMdnj", "1QcSHQRnh493V4dIh4eXh1h4kJUI"), At(10), expiresAt);

    /// <summary>Reserves and marks ready at once, as a generation whose upload succeeded does.</summary>
    protected async Task<Variant?> AddVariantAsync(Guid assetId, NewVariant variant) =>
        await Variants.ReserveVariantAsync(assetId, variant, None) is { } pending ? await Variants.MarkVariantReadyAsync(pending, VariantCaps.KeepAll, None) : null;
}
