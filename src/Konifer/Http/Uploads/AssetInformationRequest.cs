using Konifer.Core.Assets;

namespace Konifer.Http.Uploads;

/// <summary>The JSON of PUT (stores read <see cref="StoreAssetRequest"/>); <c>url</c> is read only to refuse it.</summary>
public sealed record AssetInformationRequest(string? Alt, string? Url, Dictionary<string, string>? Labels, List<string>? Tags)
{
    public AssetInformation ToInformation() => AssetInformation.Create(Alt, Labels, Tags);
}
