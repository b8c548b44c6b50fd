namespace Konifer.Core.Assets;

/// <summary>
/// A generated variant recorded but not ready: its record (with the object's location) exists, invisible, while its
/// bytes are uploaded. <see cref="Variant"/> is what it will look like once ready.
/// </summary>
public sealed record PendingVariant(Guid AssetId, Variant Variant);
