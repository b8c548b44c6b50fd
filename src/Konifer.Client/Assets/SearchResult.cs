namespace Konifer.Client;

/// <summary>One search hit: the entry's path, its similarity (-1 to 1, higher is closer) and the entry itself.</summary>
public sealed record SearchResult(string Path, double Score, AssetInfo Entry);
