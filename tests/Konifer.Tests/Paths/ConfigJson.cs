using System.Text.Json.Nodes;
using Konifer.Core.Assets;
using Konifer.Paths;

namespace Konifer.Tests.Paths;

internal static class ConfigJson
{
    public static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    public static PathConfigurationResolver Resolver(string json) =>
        PathConfigurationResolver.FromConfiguration(Parse(json));

    public static PathConfiguration Resolve(this PathConfigurationResolver resolver, string path) =>
        resolver.Resolve(AssetPath.Parse(path));
}
