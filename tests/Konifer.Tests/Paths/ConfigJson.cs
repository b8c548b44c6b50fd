using System.Text.Json.Nodes;
using Konifer.Configuration.Reading;
using Konifer.Core.Assets;
using Konifer.Paths;

namespace Konifer.Tests.Paths;

/// <summary>The <c>paths</c> and <c>variant-profiles</c> of a configuration written as JSON, read as konifer.conf's are.</summary>
internal static class ConfigJson
{
    public static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    public static PathConfigurationResolver Resolver(string json) => Resolver(Parse(json));

    public static PathConfigurationResolver Resolver(JsonObject? document)
    {
        var root = ConfigReader.Root(document);
        return PathRulesReader.Read(root, VariantProfilesReader.Read(root));
    }

    public static PathConfiguration Resolve(this PathConfigurationResolver resolver, string path) =>
        resolver.Resolve(AssetPath.Parse(path));
}
