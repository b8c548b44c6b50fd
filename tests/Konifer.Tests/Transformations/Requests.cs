using System.Text.Json.Nodes;
using Konifer.Configuration.Reading;
using Konifer.Core.Images;
using Konifer.Core.Transformations;
using Konifer.Transformations;

namespace Konifer.Tests.Transformations;

/// <summary>Helpers: queries written as in a URL, originals and profiles made inline.</summary>
internal static class Requests
{
    public static Dictionary<string, string> Query(string query) =>
        query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""));

    public static RequestedTransformation Parse(string query) => TransformationRequest.Parse(Query(query));

    public static ImageAttributes Original(int width = 400, int height = 300, ImageFormat format = ImageFormat.Jpeg, int orientation = 1) =>
        new(width, height, format, 1, null, "srgb", orientation);

    public static VariantProfiles Profiles(string json) =>
        VariantProfilesReader.Read(ConfigReader.Root(JsonNode.Parse($$"""{ "variant-profiles": {{json}} }""")!.AsObject()));

    public static Transformation? Normalize(string query, ImageAttributes? original = null, string? accept = null, VariantProfiles? profiles = null) =>
        TransformationNormalizer.Normalize(Parse(query), profiles ?? VariantProfiles.Empty, original ?? Original(), accept);
}
