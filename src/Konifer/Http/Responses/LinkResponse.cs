using System.Text.Json.Serialization;
using Konifer.Core.Assets;

namespace Konifer.Http.Responses;

/// <summary>
/// The <c>link</c> return format, fields in the reference's order: the URL of the delivered variant, when that URL
/// expires (presigned delivery only), the alt text (when the entry has one), the variant's placeholders and its
/// attributes (those of the image actually delivered, after any transformation).
/// </summary>
public sealed record LinkResponse(
    string Url,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? ExpiresAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Alt,
    LqipResponse Lqip,
    AttributesResponse Attributes)
{
    public static LinkResponse From(string url, DateTimeOffset? expiresAt, Asset asset, Variant variant) =>
        new(url, expiresAt, asset.Information.Alt, LqipResponse.From(variant.Lqip), AttributesResponse.From(variant.Attributes));
}
