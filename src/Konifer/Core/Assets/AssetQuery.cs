namespace Konifer.Core.Assets;

/// <summary>Selects assets at one path: one entry, or the first <see cref="Limit"/> in <see cref="Order"/> whose labels match.</summary>
public sealed record AssetQuery(long? EntryId, AssetOrder Order, IReadOnlyDictionary<string, string> Labels, int Limit)
{
    public const int All = -1;

    public static AssetQuery Newest { get; } = new(null, AssetOrder.New, new Dictionary<string, string>(), 1);

    public static AssetQuery Entry(long entryId) => new(entryId, AssetOrder.New, new Dictionary<string, string>(), 1);

    public bool Matches(Asset asset) =>
        (EntryId is null || asset.EntryId == EntryId) &&
        Labels.All(l => asset.Information.Labels.TryGetValue(l.Key, out var v) && string.Equals(v, l.Value, StringComparison.Ordinal));
}
