using System.Text.Json.Nodes;
using Konifer.Configuration;

namespace Konifer.Transformations;

/// <summary>
/// Named transformation profiles from <c>variant-profiles</c>, each a raw parameter map (values in their string form;
/// lists joined by commas). Both syntaxes load: <c>variant-profiles { thumb { w = 100 } }</c> and the older
/// <c>variant-profiles = [ { name = thumb, w = 100 } ]</c>. Names are looked up case-insensitively, as the reference
/// lower-cases them; they may hold letters, digits and <c>-._~</c>.
/// </summary>
public sealed class VariantProfiles
{
    private const string Key = "variant-profiles";
    private static readonly IReadOnlyDictionary<string, string> NoParameters = new Dictionary<string, string>().AsReadOnly();
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _profiles;

    private VariantProfiles(Dictionary<string, IReadOnlyDictionary<string, string>> profiles) => _profiles = profiles;

    public static VariantProfiles Empty { get; } = new(new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.OrdinalIgnoreCase));

    /// <summary>Profile names as configured.</summary>
    public IReadOnlyCollection<string> Names => _profiles.Keys;

    public int Count => _profiles.Count;

    public bool Contains(string name) => _profiles.ContainsKey(name);

    public bool TryGet(string name, out IReadOnlyDictionary<string, string> parameters)
    {
        if (_profiles.TryGetValue(name, out var found))
        {
            parameters = found;
            return true;
        }
        parameters = NoParameters;
        return false;
    }

    public static VariantProfiles FromConfiguration(JsonObject? root)
    {
        var node = root is not null && root.TryGetPropertyValue(Key, out var value) ? value : null;
        var profiles = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        switch (node)
        {
            case null:
                break;
            case JsonObject byName:
                foreach (var (name, body) in byName)
                {
                    var key = $"{Key}.{ConfigSection.QuoteKey(name)}";
                    if (body is not JsonObject parameters)
                        throw new ConfigurationException(key, $"expected an object of transformation parameters, found {ConfigSection.Describe(body)}");
                    Add(profiles, name, key, new ConfigSection(parameters, key).ParameterMap());
                }
                break;
            case JsonArray list:
                for (var i = 0; i < list.Count; i++)
                {
                    var key = $"{Key}[{i}]";
                    if (list[i] is not JsonObject entry)
                        throw new ConfigurationException(key, $"expected an object with a name, found {ConfigSection.Describe(list[i])}");
                    var section = new ConfigSection(entry, key);
                    var name = section.String("name")
                        ?? throw new ConfigurationException(section.KeyOf("name"), "is required");
                    var parameters = section.ParameterMap().Where(p => p.Key != "name")
                        .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal).AsReadOnly();
                    Add(profiles, name, section.KeyOf("name"), parameters);
                }
                break;
            default:
                throw new ConfigurationException(Key, $"expected an object keyed by profile name or a list, found {ConfigSection.Describe(node)}");
        }
        return new VariantProfiles(profiles);
    }

    private static void Add(Dictionary<string, IReadOnlyDictionary<string, string>> profiles, string name, string key,
        IReadOnlyDictionary<string, string> parameters)
    {
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~'))
            throw new ConfigurationException(key, $"'{name}' is not a valid profile name: use letters, digits and -._~");
        if (!profiles.TryAdd(name, parameters))
            throw new ConfigurationException(key, $"the profile '{name}' is defined twice (names are case-insensitive)");
    }
}
