namespace Konifer.Assets;

/// <summary>One stored rendition of an asset. Exactly one per asset is the original variant.</summary>
public sealed record Variant(
    Guid Id,
    bool IsOriginal,
    ObjectLocation Location,
    ImageAttributes Attributes,
    Lqip Lqip,
    DateTimeOffset CreatedAt);
