using Konifer.Core.Assets;

namespace Konifer.Http.Responses;

/// <summary>The <c>entries</c> return format: always an object, each entry exactly as <c>info</c> answers it.</summary>
public sealed record EntriesResponse(IReadOnlyList<AssetResponse> Entries)
{
    public static EntriesResponse From(IEnumerable<Asset> assets) => new(assets.Select(AssetResponse.From).ToArray());
}
