using System.Text.Json.Nodes;

namespace Konifer.Configuration.Reading;

/// <summary>
/// After the one reading pass: a key of <c>konifer.conf</c> that no reader asked for is a mistake (a typo, a key of
/// another version) that would otherwise leave a default in force silently, so it stops start-up naming the key and
/// the closest key that exists.
/// </summary>
/// <remarks>
/// Tolerated, because they are not ours to judge: top-level keys that start with a capital letter are ASP.NET Core's
/// own sections (<c>Logging</c>, <c>AllowedHosts</c>, <c>Kestrel</c>, <c>Urls</c>, …), which the framework reads from
/// the same file; and the reference's <c>ktor</c> block (its HTTP engine's settings), which only warns, since a file
/// written for the reference may carry it and this server listens where <c>--urls</c> says.
/// </remarks>
internal static class UnknownKeys
{
    public const string ReferenceEngineSection = "ktor";

    public static void Check(JsonObject document, ConfigKeyUsage usage, ConfigurationWarnings warnings)
    {
        foreach (var (name, value) in document)
        {
            if (name.Length > 0 && char.IsAsciiLetterUpper(name[0])) continue;
            if (name == ReferenceEngineSection && !usage.WasAsked(document, name))
            {
                warnings.Add(name, "the reference's Ktor settings are not read by this server; it listens where --urls, ASPNETCORE_URLS or ASPNETCORE_HTTP_PORTS say");
                continue;
            }
            Walk(document, name, value, name, usage);
        }
    }

    private static void Walk(JsonObject parent, string name, JsonNode? value, string key, ConfigKeyUsage usage)
    {
        var asked = usage.WasAsked(parent, name) || (value is not null && usage.WasOpened(value));
        if (!asked) throw Unknown(FirstLeaf(value, key), usage);
        switch (value)
        {
            case JsonObject obj when usage.WasOpened(obj):
                foreach (var (childName, child) in obj)
                    Walk(obj, childName, child, $"{key}.{ConfigText.QuoteKey(childName)}", usage);
                break;
            case JsonArray list:
                for (var i = 0; i < list.Count; i++)
                    if (list[i] is JsonObject item && usage.WasOpened(item))
                        foreach (var (childName, child) in item)
                            Walk(item, childName, child, $"{key}[{i}].{ConfigText.QuoteKey(childName)}", usage);
                break;
        }
    }

    /// <summary><c>datastore { provider = x }</c> is reported as <c>datastore.provider</c>, which finds <c>data-store.provider</c>.</summary>
    private static string FirstLeaf(JsonNode? value, string key) =>
        value is JsonObject { Count: > 0 } obj ? FirstLeaf(obj.First().Value, $"{key}.{ConfigText.QuoteKey(obj.First().Key)}") : key;

    private static ConfigurationException Unknown(string key, ConfigKeyUsage usage)
    {
        var suggestion = KeySuggestion.Closest(ConfigKeyUsage.Generic(key), usage.KnownKeys);
        return new ConfigurationException(key, suggestion is null
            ? "unknown key; it is not a setting of this server (see docs/configuration.md)"
            : $"unknown key; did you mean {suggestion}?");
    }
}
