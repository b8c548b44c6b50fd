using Konifer.Core.Assets;
using Konifer.Core.Images;
using Konifer.Core.Transformations;

namespace Konifer.Http.Responses;

public sealed record VariantResponse(
    bool IsOriginalVariant,
    string StoreBucket,
    string StoreKey,
    AttributesResponse Attributes,
    TransformationResponse? Transformation,
    LqipResponse Lqip)
{
    public static VariantResponse From(Variant variant) => new(
        variant.IsOriginal,
        variant.Location.Bucket,
        variant.Location.Key,
        AttributesResponse.From(variant.Attributes),
        variant.Transformation is { } t ? TransformationResponse.From(t) : null,
        LqipResponse.From(variant.Lqip));
}

public sealed record AttributesResponse(int Height, int Width, string Format, int PageCount, int? Loop, string ColorSpace)
{
    public static AttributesResponse From(ImageAttributes a) => new(a.Height, a.Width, a.Format.ShortName(), a.PageCount, a.Loop, a.ColorSpace);
}

public sealed record LqipResponse(string? Blurhash, string? Thumbhash)
{
    public static LqipResponse From(Lqip lqip) => new(lqip.Blurhash, lqip.Thumbhash);
}
