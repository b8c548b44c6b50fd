using System.Text.Json.Nodes;
using Konifer.Transformations;

namespace Konifer.Configuration.Reading;

/// <summary>
/// <c>variant-profiles</c> in either syntax: <c>variant-profiles { thumb { w = 100 } }</c> and the older
/// <c>variant-profiles = [ { name = thumb, w = 100 } ]</c>.
/// </summary>
internal static class VariantProfilesReader
{
    private const string Key = "variant-profiles";

    public static VariantProfiles Read(ConfigReader root)
    {
        var node = root.Raw(Key);
        var profiles = new Dictionary<string, IReadOnlyDictionary<string, string>>(VariantProfiles.NameComparer);
        switch (node)
        {
            case null:
                break;
            case JsonObject byName:
                foreach (var (name, body) in byName)
                {
                    var key = $"{Key}.{ConfigText.QuoteKey(name)}";
                    if (body is not JsonObject parameters)
                        throw new ConfigurationException(key, $"expected an object of transformation parameters, found {ConfigText.Describe(body)}");
                    Add(profiles, name, key, root.Nested(parameters, key, byName, name).ParameterMap());
                }
                break;
            case JsonArray list:
                for (var i = 0; i < list.Count; i++)
                {
                    var key = $"{Key}[{i}]";
                    if (list[i] is not JsonObject entry)
                        throw new ConfigurationException(key, $"expected an object with a name, found {ConfigText.Describe(list[i])}");
                    var section = root.Nested(entry, key);
                    var name = section.String("name") ?? throw section.Error("name", "is required");
                    var parameters = section.ParameterMap().Where(p => p.Key != "name")
                        .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal).AsReadOnly();
                    Add(profiles, name, section.KeyOf("name"), parameters);
                }
                break;
            default:
                throw new ConfigurationException(Key, $"expected an object keyed by profile name or a list, found {ConfigText.Describe(node)}");
        }
        return new VariantProfiles(profiles);
    }

    private static void Add(Dictionary<string, IReadOnlyDictionary<string, string>> profiles, string name, string key,
        IReadOnlyDictionary<string, string> parameters)
    {
        if (VariantProfiles.NameProblem(name) is { } problem)
            throw new ConfigurationException(key, problem);
        if (!profiles.TryAdd(name, parameters))
            throw new ConfigurationException(key, $"the profile '{name}' is defined twice (names are case-insensitive)");
    }

    /// <summary>A misspelt profile parameter stops start-up rather than failing every request that names the profile.</summary>
    public static void CheckParameters(VariantProfiles profiles)
    {
        foreach (var name in profiles.Names)
        {
            if (!profiles.TryGet(name, out var parameters)) continue;
            try
            {
                TransformationRequest.ParseProfile(parameters);
            }
            catch (InvalidTransformationException e)
            {
                throw new ConfigurationException($"{Key}.{name}.{e.Parameter}", e.Message);
            }
        }
    }
}
