using System.Runtime.CompilerServices;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Konifer.Hocon;

/// <summary>
/// Resolves a parsed tree into JSON nodes: substitutions (document first, then environment), value
/// concatenation, and overrides whose outcome depends on resolution. Values are resolved lazily and
/// memoised, so a substitution can refer to a field defined later in the document.
/// </summary>
internal sealed class HoconResolver
{
    private readonly HoconObject _root;
    private readonly Func<string, string?> _environment;
    private readonly Dictionary<HoconValue, Resolved> _done = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<HoconValue> _inProgress = new(ReferenceEqualityComparer.Instance);

    private HoconResolver(HoconObject root, Func<string, string?> environment)
    {
        _root = root;
        _environment = environment;
    }

    public static JsonObject Resolve(HoconObject root, Func<string, string?> environment) =>
        (JsonObject)new HoconResolver(root, environment).ResolveValue(root).Node!;

    /// <summary>A resolved value; <see cref="Found"/> is false for a missing optional substitution.</summary>
    private readonly record struct Resolved(bool Found, JsonNode? Node)
    {
        public static readonly Resolved Missing = new(false, null);

        public static Resolved Of(JsonNode? node) => new(true, node);
    }

    /// <summary>The outcome of looking a path up in the document.</summary>
    private enum LookupOutcome
    {
        Found,
        NotSet,
        Cycle,
    }

    /// <summary>Resolves a value; the returned node is a fresh copy the caller may attach anywhere.</summary>
    private Resolved ResolveValue(HoconValue value)
    {
        if (value is HoconScalar scalar) return Resolved.Of(scalar.CreateNode());
        if (_done.TryGetValue(value, out var done)) return done with { Node = done.Node?.DeepClone() };
        if (!_inProgress.Add(value))
        {
            throw value.Position.Error("a substitution cycle makes this value depend on itself");
        }

        var result = value switch
        {
            HoconObject o => ResolveObject(o),
            HoconArray a => ResolveArray(a),
            HoconConcatenation c => ResolveConcatenation(c),
            HoconSubstitution s => ResolveSubstitution(s),
            HoconPreviousValue p => ResolvePreviousValue(p),
            HoconOverride o => ResolveOverride(o),
            _ => throw value.Position.Error($"internal error: cannot resolve {value.GetType().Name}"),
        };

        _inProgress.Remove(value);
        _done[value] = result;
        return result with { Node = result.Node?.DeepClone() };
    }

    private Resolved ResolveObject(HoconObject obj)
    {
        var result = new JsonObject();
        foreach (var (key, value) in obj.Fields)
        {
            var resolved = ResolveValue(value);
            if (resolved.Found) result[key] = resolved.Node;
        }
        return Resolved.Of(result);
    }

    private Resolved ResolveArray(HoconArray array)
    {
        var result = new JsonArray();
        foreach (var element in array.Elements)
        {
            var resolved = ResolveValue(element);
            if (resolved.Found) result.Add(resolved.Node);
        }
        return Resolved.Of(result);
    }

    private Resolved ResolveSubstitution(HoconSubstitution substitution)
    {
        var (outcome, node) = Lookup(substitution.Path);
        if (outcome != LookupOutcome.Found && substitution.FallbackPath is not null)
        {
            var (fallbackOutcome, fallbackNode) = Lookup(substitution.FallbackPath);
            if (fallbackOutcome == LookupOutcome.Found) (outcome, node) = (fallbackOutcome, fallbackNode);
        }
        if (outcome == LookupOutcome.Found) return Resolved.Of(node);

        var cycle = outcome == LookupOutcome.Cycle
            ? $"{substitution.Text} refers back to the value being defined (a cycle)"
            : $"there is no setting '{substitution.Path}'";
        return FromEnvironmentOrMissing(substitution, cycle);
    }

    private Resolved ResolvePreviousValue(HoconPreviousValue previous)
    {
        var resolved = ResolveValue(previous.Previous);
        var node = resolved.Found ? Navigate(resolved.Node, previous.Remainder) : null;
        if (node is { } found) return Resolved.Of(found.Value);
        return FromEnvironmentOrMissing(previous.Substitution, $"'{previous.Substitution.Path}' has no earlier value for it to refer to");
    }

    private Resolved FromEnvironmentOrMissing(HoconSubstitution substitution, string reason)
    {
        var name = substitution.EnvironmentName;
        var fromEnvironment = _environment(name);
        if (fromEnvironment is not null) return Resolved.Of(JsonValue.Create(fromEnvironment));
        if (substitution.Optional) return Resolved.Missing;
        throw substitution.Position.Error($"could not resolve substitution {substitution.Text}: {reason} and no environment variable '{name}' is set (use ${{?{name}}} if it may be absent)");
    }

    private Resolved ResolveOverride(HoconOverride over)
    {
        var value = ResolveValue(over.Value);
        if (!value.Found) return ResolveValue(over.Previous);
        if (value.Node is JsonObject newObject)
        {
            var previous = ResolveValue(over.Previous);
            if (previous is { Found: true, Node: JsonObject previousObject })
            {
                MergeInto(previousObject, newObject);
                return Resolved.Of(previousObject);
            }
        }
        return value;
    }

    /// <summary>Deep-merges <paramref name="overlay"/> into <paramref name="target"/>; overlay values win.</summary>
    private static void MergeInto(JsonObject target, JsonObject overlay)
    {
        foreach (var (key, value) in overlay.ToList())
        {
            if (target[key] is JsonObject targetChild && value is JsonObject overlayChild)
            {
                MergeInto(targetChild, overlayChild);
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }

    /// <summary>
    /// Strings join (keeping whitespace), lists append, objects merge; mixing kinds is an error.
    /// Missing optional substitutions drop out; if nothing is left the whole value is missing.
    /// </summary>
    private Resolved ResolveConcatenation(HoconConcatenation concatenation)
    {
        var found = new List<(HoconValue Part, JsonNode? Node)>();
        var resolvedParts = new List<(HoconValue Part, Resolved Value)>();
        foreach (var part in concatenation.Parts)
        {
            if (part is HoconWhitespace) continue;
            var resolved = ResolveValue(part);
            resolvedParts.Add((part, resolved));
            if (resolved.Found) found.Add((part, resolved.Node));
        }

        if (found.Count == 0) return Resolved.Missing;
        if (found.Count == 1) return Resolved.Of(found[0].Node);

        var arrays = found.Count(f => f.Node is JsonArray);
        var objects = found.Count(f => f.Node is JsonObject);
        if (arrays == found.Count)
        {
            return Resolved.Of(new JsonArray(found.SelectMany(f => ((JsonArray)f.Node!).Select(e => e?.DeepClone())).ToArray()));
        }
        if (objects == found.Count)
        {
            var merged = (JsonObject)found[0].Node!;
            foreach (var (_, node) in found.Skip(1)) MergeInto(merged, (JsonObject)node!);
            return Resolved.Of(merged);
        }
        if (arrays > 0 || objects > 0)
        {
            var kinds = string.Join(" and ", found.Select(f => Kind(f.Node)).Distinct());
            throw concatenation.Position.Error($"cannot concatenate {kinds}: only strings with strings, lists with lists and objects with objects");
        }

        var text = new StringBuilder();
        var next = 0;
        foreach (var part in concatenation.Parts)
        {
            if (part is HoconWhitespace whitespace)
            {
                text.Append(whitespace.Text);
                continue;
            }
            var (_, value) = resolvedParts[next++];
            if (value.Found) text.Append(part is HoconScalar scalar ? scalar.Text : ToText(value.Node));
        }
        return Resolved.Of(JsonValue.Create(text.ToString()));
    }

    private static string Kind(JsonNode? node) => node switch
    {
        JsonArray => "a list",
        JsonObject => "an object",
        _ => "a string",
    };

    private static string ToText(JsonNode? node) => node switch
    {
        null => "null",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        JsonValue v when v.TryGetValue<long>(out var l) => l.ToString(CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue<double>(out var d) => d.ToString("R", CultureInfo.InvariantCulture),
        _ => node.ToJsonString(),
    };

    /// <summary>
    /// Looks a path up in the document. Unresolved objects are walked field by field, so a value can refer
    /// to a sibling inside the object that is being resolved; anything else is resolved and then navigated.
    /// </summary>
    private (LookupOutcome Outcome, JsonNode? Node) Lookup(HoconPath path)
    {
        HoconValue current = _root;
        for (var i = 0; i < path.Count; i++)
        {
            if (current is HoconObject obj)
            {
                if (!obj.Fields.TryGetValue(path.Segments[i], out var child)) return (LookupOutcome.NotSet, null);
                current = child;
                continue;
            }
            if (_inProgress.Contains(current)) return (LookupOutcome.Cycle, null);
            var resolved = ResolveValue(current);
            var node = resolved.Found ? Navigate(resolved.Node, path.Skip(i)) : null;
            return node is { } found ? (LookupOutcome.Found, found.Value) : (LookupOutcome.NotSet, null);
        }

        if (_inProgress.Contains(current)) return (LookupOutcome.Cycle, null);
        var value = ResolveValue(current);
        return value.Found ? (LookupOutcome.Found, value.Node) : (LookupOutcome.NotSet, null);
    }

    /// <summary>Walks resolved JSON; returns null when the path is not there (a found JSON null is wrapped).</summary>
    private static StrongBox<JsonNode?>? Navigate(JsonNode? node, HoconPath path)
    {
        foreach (var segment in path.Segments)
        {
            if (node is not JsonObject obj || !obj.TryGetPropertyValue(segment, out var child)) return null;
            node = child;
        }
        return new StrongBox<JsonNode?>(node?.DeepClone());
    }
}
