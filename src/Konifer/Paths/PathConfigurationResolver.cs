using System.Collections.Concurrent;
using Konifer.Core.Assets;

namespace Konifer.Paths;

/// <summary>
/// Resolves the effective <see cref="PathConfiguration"/> of an application path from the rules of the <c>paths</c>
/// configuration. Built once at start-up; thread-safe afterwards.
/// </summary>
/// <remarks>
/// <para>
/// The patterns that <em>apply</em> to a path are those that match the path, and those ending in a literal that match
/// one of its ancestors (see <see cref="PathPattern"/>). The effective configuration is the system defaults, overlaid with the applicable
/// rules from the least to the most specific (<see cref="PathPattern.CompareSpecificity"/>), so <c>/**</c> comes
/// first (see <see cref="PathSettings.Over"/>): what a rule sets replaces what it inherits, an empty list clears,
/// and preprocessing parameters merge name by name. Thus the most specific pattern that sets a key wins for that key.
/// Whoever builds the resolver checks that the rules are valid (see <see cref="PathConfiguration.From"/>), so that
/// no resolution fails later.
/// </para>
/// <para>
/// Lookup walks the path's segments through a trie of the patterns (literal, <c>*</c> and <c>**</c> children),
/// collecting the patterns that end at the nodes reached after each segment. The merged configuration is cached
/// per distinct set of applicable patterns (bounded), so repeated requests neither merge nor allocate a new
/// configuration.
/// </para>
/// </remarks>
public sealed class PathConfigurationResolver
{
    /// <summary>At most this many distinct pattern combinations are cached; beyond it results are computed each time.</summary>
    public const int MaxCachedCombinations = 4096;

    /// <summary>The most rules a resolver takes: a rank is one character of the cache key.</summary>
    public const int MaxPatterns = char.MaxValue - 1;

    private readonly PathRule[] _rulesByRank;
    private readonly PathPattern[] _patternsByRank;
    private readonly PatternTrieNode _root = new(isAnySegments: false);
    private readonly ConcurrentDictionary<string, PathConfiguration> _cache = new(StringComparer.Ordinal);
    private int _cached;

    /// <exception cref="InvalidPathSettingException">More than <see cref="MaxPatterns"/> rules.</exception>
    /// <exception cref="ArgumentException">Two rules have the same pattern.</exception>
    public PathConfigurationResolver(IEnumerable<PathRule> rules)
    {
        _rulesByRank = rules.OrderBy(r => r.Pattern, PathPattern.SpecificityComparer).ToArray();
        if (_rulesByRank.Length > MaxPatterns)
            throw new InvalidPathSettingException("", $"at most {MaxPatterns} patterns can be configured");
        _patternsByRank = _rulesByRank.Select(r => r.Pattern).ToArray();
        if (_patternsByRank.Distinct().Count() != _patternsByRank.Length)
            throw new ArgumentException("Each pattern can have one rule only.", nameof(rules));

        for (var rank = 0; rank < _rulesByRank.Length; rank++)
        {
            var pattern = _patternsByRank[rank];
            var node = _root;
            for (var i = 0; i < pattern.Segments.Count; i++)
                node = node.Child(pattern.Segments[i], pattern.SegmentKinds[i]);
            node.Rank = rank;
        }
    }

    /// <summary>A resolver with no patterns: every path gets <see cref="PathConfiguration.Default"/>.</summary>
    public static PathConfigurationResolver Empty { get; } = new([]);

    /// <summary>
    /// The root rule's configuration (<c>/**</c> alone over the defaults): what applies where no narrower rule does,
    /// e.g. the bucket readiness checks.
    /// </summary>
    public PathConfiguration Root
    {
        get
        {
            var rank = Array.IndexOf(_patternsByRank, PathPattern.Root);
            return rank < 0 ? PathConfiguration.Default : Build(((char)rank).ToString());
        }
    }

    /// <summary>Whether some block sets <c>search.enabled = true</c>: then the server needs the SigLIP2 model.</summary>
    public bool EnablesSearchAnywhere => _rulesByRank.Any(r => r.Settings.SearchEnabled == true);

    /// <summary>Configured patterns, least specific first.</summary>
    public IReadOnlyList<PathPattern> Patterns => _patternsByRank;

    /// <summary>The rules as configured (each block's own settings, not merged), least specific first.</summary>
    public IReadOnlyList<PathRule> Rules => _rulesByRank;

    public PathConfiguration Resolve(AssetPath path)
    {
        var key = ApplicableRanks(path);
        if (key.Length == 0) return PathConfiguration.Default;
        if (_cache.TryGetValue(key, out var cached)) return cached;
        var configuration = Build(key);
        if (Volatile.Read(ref _cached) >= MaxCachedCombinations) return configuration;
        var stored = _cache.GetOrAdd(key, configuration);
        if (ReferenceEquals(stored, configuration)) Interlocked.Increment(ref _cached);
        return stored;
    }

    /// <summary>The configured patterns that apply to <paramref name="path"/>, least specific first.</summary>
    public IReadOnlyList<PathPattern> ApplicablePatterns(AssetPath path) =>
        ApplicableRanks(path).Select(rank => _patternsByRank[rank]).ToArray();

    /// <summary>The ranks of the applicable patterns in ascending order, as the characters of a string (the cache key).</summary>
    private string ApplicableRanks(AssetPath path)
    {
        if (_rulesByRank.Length == 0) return string.Empty;
        var ranks = new List<int>();
        var states = new List<PatternTrieNode>();
        var next = new List<PatternTrieNode>();
        AddWithClosure(states, _root);
        Collect(states, ranks, isLast: path.Segments.Count == 0);
        for (var index = 0; index < path.Segments.Count; index++)
        {
            var segment = path.Segments[index];
            next.Clear();
            foreach (var node in states)
            {
                if (node.Literals.TryGetValue(segment, out var literal)) AddWithClosure(next, literal);
                if (node.AnySegment is { } one) AddWithClosure(next, one);
                if (node.IsAnySegments) AddWithClosure(next, node);
            }
            if (next.Count == 0) break;
            (states, next) = (next, states);
            Collect(states, ranks, isLast: index == path.Segments.Count - 1);
        }
        ranks.Sort();
        var chars = new char[ranks.Count];
        var count = 0;
        foreach (var rank in ranks)
            if (count == 0 || chars[count - 1] != (char)rank)
                chars[count++] = (char)rank;
        return new string(chars, 0, count);
    }

    /// <summary>Adds the node and, since <c>**</c> may match zero segments, its chain of <c>**</c> children.</summary>
    private static void AddWithClosure(List<PatternTrieNode> states, PatternTrieNode node)
    {
        for (PatternTrieNode? current = node; current is not null; current = current.AnySegments)
        {
            if (states.Contains(current)) return;
            states.Add(current);
        }
    }

    /// <summary>
    /// The patterns ending at the reached nodes. One ending in <c>*</c> counts only on the path's last segment: it
    /// names exactly one segment, so a deeper path does not inherit it (patterns ending in a literal are inherited).
    /// </summary>
    private static void Collect(List<PatternTrieNode> states, List<int> ranks, bool isLast)
    {
        foreach (var node in states)
            if (node.Rank >= 0 && (isLast || !node.IsAnySegment))
                ranks.Add(node.Rank);
    }

    private PathConfiguration Build(string ranks)
    {
        var merged = PathSettings.None;
        foreach (var rank in ranks)
            merged = _rulesByRank[rank].Settings.Over(merged);
        return PathConfiguration.From(merged);
    }
}
