using System.Text.Json.Nodes;

namespace Konifer.Configuration.Reading;

/// <summary>
/// Which keys of the document the readers asked for, so that what nobody asked for can be reported afterwards. The
/// readers are the schema: there is no second list of keys to keep in step with them. Nodes are tracked by reference,
/// because path patterns and list items have no stable text key.
/// </summary>
internal sealed class ConfigKeyUsage
{
    private readonly HashSet<(JsonObject Parent, string Name)> _asked = new(new AskedComparer());
    private readonly HashSet<JsonNode> _opened = new(ReferenceEqualityComparer.Instance);
    private readonly SortedSet<string> _knownNames = new(StringComparer.Ordinal);

    public void Ask(JsonObject? parent, string key, string name)
    {
        if (parent is not null) _asked.Add((parent, name));
        _knownNames.Add(Generic(key));
    }

    /// <summary>An object read key by key: its keys are checked.</summary>
    public void Open(JsonNode node) => _opened.Add(node);

    /// <summary>An object taken as a whole (ignored with a warning, say): its keys are not checked one by one.</summary>
    public void Close(JsonNode node) => _opened.Remove(node);

    public bool WasAsked(JsonObject parent, string name) => _asked.Contains((parent, name));

    public bool WasOpened(JsonNode node) => _opened.Contains(node);

    /// <summary>Every key asked for, with path patterns and list positions written as <c>*</c>: what a suggestion picks from.</summary>
    public IReadOnlyCollection<string> KnownKeys => _knownNames;

    /// <summary><c>paths."/a/**".transform.x</c> and <c>path-configuration[2].x</c> as <c>paths.*.transform.x</c>, <c>path-configuration.*.x</c>.</summary>
    public static string Generic(string key)
    {
        var text = System.Text.RegularExpressions.Regex.Replace(key, "\"(?:[^\"\\\\]|\\\\.)*\"", "*");
        return System.Text.RegularExpressions.Regex.Replace(text, @"\[\d+\]", ".*");
    }

    private sealed class AskedComparer : IEqualityComparer<(JsonObject Parent, string Name)>
    {
        public bool Equals((JsonObject Parent, string Name) x, (JsonObject Parent, string Name) y) =>
            ReferenceEquals(x.Parent, y.Parent) && string.Equals(x.Name, y.Name, StringComparison.Ordinal);

        public int GetHashCode((JsonObject Parent, string Name) obj) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Parent), StringComparer.Ordinal.GetHashCode(obj.Name));
    }
}
