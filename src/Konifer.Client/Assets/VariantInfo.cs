namespace Konifer.Client;

/// <summary>One stored image of an entry: the original, or a generated variant with the transformation that made it.</summary>
public sealed record VariantInfo(
    bool IsOriginalVariant,
    string StoreBucket,
    string StoreKey,
    ImageAttributes Attributes,
    TransformationInfo? Transformation,
    Placeholders Lqip);
