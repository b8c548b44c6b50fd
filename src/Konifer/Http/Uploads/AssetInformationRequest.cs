using Konifer.Core.Assets;

namespace Konifer.Http.Uploads;

/// <summary>The JSON of the <c>metadata</c> part, of a URL store, and of PUT.</summary>
public sealed record AssetInformationRequest(string? Alt, string? Url, Dictionary<string, string>? Labels, List<string>? Tags)
{
    public AssetInformation ToInformation() => AssetInformation.Create(Alt, Labels, Tags);
}
