using System.Collections;

namespace Konifer.Rules;

/// <summary><c>rule-definitions</c>: the named rules upload rulesets refer to, in configuration order.</summary>
public sealed class RuleDefinitions : IReadOnlyCollection<RuleDefinition>
{
    private readonly IReadOnlyList<RuleDefinition> ordered;
    private readonly Dictionary<string, RuleDefinition> byName;

    /// <exception cref="ArgumentException">Two definitions have the same name.</exception>
    public RuleDefinitions(IEnumerable<RuleDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        ordered = definitions.ToArray();
        byName = ordered.ToDictionary(d => d.Name, StringComparer.Ordinal);
    }

    public static RuleDefinitions None { get; } = new([]);

    public int Count => ordered.Count;

    public bool Contains(string name) => byName.ContainsKey(name);

    /// <exception cref="KeyNotFoundException">No rule of that name (the configuration reader checks every reference).</exception>
    public RuleDefinition this[string name] =>
        byName.TryGetValue(name, out var definition) ? definition : throw new KeyNotFoundException($"No rule definition named '{name}'.");

    /// <summary>Every prompt of every definition, once: what the start-up warm-up embeds.</summary>
    public IReadOnlyCollection<string> AllPrompts() => ordered.SelectMany(d => d.Prompts).Distinct(StringComparer.Ordinal).ToArray();

    public IEnumerator<RuleDefinition> GetEnumerator() => ordered.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
