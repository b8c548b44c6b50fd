namespace Konifer.Client;

/// <summary>What a store or an update sets besides the image: alt text, labels and tags (all optional).</summary>
public sealed record AssetMetadata
{
    public string? Alt { get; init; }
    public IReadOnlyDictionary<string, string>? Labels { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }
}
