namespace Konifer.Core.Assets;

/// <summary>One stored image at an application path. Content is immutable; <see cref="Information"/> is replaceable.</summary>
public sealed record Asset(
    Guid Id,
    AssetPath Path,
    long EntryId,
    AssetInformation Information,
    AssetSource Source,
    string? SourceUrl,
    DateTimeOffset CreatedAt,
    DateTimeOffset ModifiedAt,
    IReadOnlyList<Variant> Variants)
{
    public Variant Original => Variants.First(v => v.IsOriginal);
}
