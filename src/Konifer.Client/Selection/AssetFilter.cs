namespace Konifer.Client;

/// <summary>
/// Narrows what a fetch, listing or delete selects: the entry (or order), at most <see cref="Limit"/> entries (−1 for
/// all, where the call allows more than one) and labels every selected entry must carry.
/// </summary>
public sealed record AssetFilter
{
    public int? Limit { get; init; }

    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    public static AssetFilter None { get; } = new();

    /// <summary>A filter on one label.</summary>
    public static AssetFilter Label(string key, string value) => new() { Labels = new Dictionary<string, string> { [key] = value } };
}
