using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Konifer.Configuration;
using Konifer.Core.Assets;
using Konifer.Transformations;

namespace Konifer.Paths;

/// <summary>
/// Resolves the effective <see cref="PathConfiguration"/> of an application path from the <c>paths</c>
/// configuration. Built once at start-up (where every block is validated); thread-safe afterwards.
/// </summary>
/// <remarks>
/// <para>
/// The patterns that <em>apply</em> to a path are those that match the path or one of its ancestors (see
/// <see cref="PathPattern"/>). The effective configuration is the system defaults, overlaid with the applicable
/// blocks from the least to the most specific (<see cref="PathPattern.CompareSpecificity"/>), so <c>/**</c> comes
/// first: objects merge key by key, lists and scalars replace, and an empty list clears. Thus the most specific
/// pattern that sets a key wins for that key.
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

    private readonly PathConfigurationBlock[] _blocksByRank;
    private readonly PathPattern[] _patternsByRank;
    private readonly PatternTrieNode _root = new(isAnySegments: false);
    private readonly VariantProfiles _profiles;
    private readonly ConcurrentDictionary<string, PathConfiguration> _cache = new(StringComparer.Ordinal);
    private int _cached;

    private PathConfigurationResolver(IReadOnlyList<PathConfigurationBlock> blocks, VariantProfiles profiles)
    {
        _profiles = profiles;
        if (blocks.Count >= char.MaxValue)
            throw new ConfigurationException("paths", $"at most {char.MaxValue - 1} patterns can be configured");
        _blocksByRank = blocks.OrderBy(b => b.Pattern, PathPattern.SpecificityComparer).ToArray();
        _patternsByRank = _blocksByRank.Select(b => b.Pattern).ToArray();

        for (var rank = 0; rank < _blocksByRank.Length; rank++)
        {
            var pattern = _patternsByRank[rank];
            var node = _root;
            for (var i = 0; i < pattern.Segments.Count; i++)
                node = node.Child(pattern.Segments[i], pattern.SegmentKinds[i]);
            node.Rank = rank;
        }

        Validate();
    }

    /// <summary>A resolver with no patterns: every path gets <see cref="PathConfiguration.Default"/>.</summary>
    public static PathConfigurationResolver Empty { get; } = new([], VariantProfiles.Empty);

    /// <summary>Configured patterns, least specific first.</summary>
    public IReadOnlyList<PathPattern> Patterns => _patternsByRank;

    /// <summary>Reads <c>root["paths"]</c>, and <c>root["variant-profiles"]</c> to check eager variants.</summary>
    /// <exception cref="ConfigurationException">The configuration is invalid.</exception>
    public static PathConfigurationResolver FromConfiguration(JsonObject? root) =>
        FromConfiguration(root, VariantProfiles.FromConfiguration(root));

    /// <summary>Reads <c>root["paths"]</c>; eager variants must name profiles of <paramref name="profiles"/>.</summary>
    /// <exception cref="ConfigurationException">The configuration is invalid.</exception>
    public static PathConfigurationResolver FromConfiguration(JsonObject? root, VariantProfiles profiles) =>
        new(PathConfigurationBlock.Load(root), profiles);

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
        if (_blocksByRank.Length == 0) return string.Empty;
        var ranks = new List<int>();
        var states = new List<PatternTrieNode>();
        var next = new List<PatternTrieNode>();
        AddWithClosure(states, _root);
        Collect(states, ranks);
        foreach (var segment in path.Segments)
        {
            next.Clear();
            foreach (var node in states)
            {
                if (node.Literals.TryGetValue(segment, out var literal)) AddWithClosure(next, literal);
                if (node.AnySegment is { } one) AddWithClosure(next, one);
                if (node.IsAnySegments) AddWithClosure(next, node);
            }
            if (next.Count == 0) break;
            (states, next) = (next, states);
            Collect(states, ranks);
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

    private static void Collect(List<PatternTrieNode> states, List<int> ranks)
    {
        foreach (var node in states)
            if (node.Rank >= 0)
                ranks.Add(node.Rank);
    }

    private PathConfiguration Build(string ranks)
    {
        var merged = new JsonObject();
        foreach (var rank in ranks)
            ConfigurationMerge.Into(merged, _blocksByRank[rank].Body);
        return PathConfiguration.Read(new ConfigSection(merged, "paths"), _profiles);
    }

    /// <summary>
    /// Reads every block on top of <c>/**</c> so that a bad value fails start-up with the key of the block that
    /// configures it. A merge of valid blocks is then valid, because every rule concerns one value, or one block plus
    /// <c>/**</c> (strategy ttl or idle needs a ttl in the same block or in <c>/**</c>), or one configured ruleset
    /// (a rule cannot be both in accept-rules and reject-rules of the same block).
    /// </summary>
    private void Validate()
    {
        var rootBlock = _blocksByRank.FirstOrDefault(b => b.Pattern.Equals(PathPattern.Root));
        foreach (var block in _blocksByRank)
        {
            var merged = new JsonObject();
            if (rootBlock is not null && !ReferenceEquals(rootBlock, block)) ConfigurationMerge.Into(merged, rootBlock.Body);
            ConfigurationMerge.Into(merged, block.Body);
            PathConfiguration.Read(new ConfigSection(merged, block.Key), _profiles);
            UploadRuleset.CheckConfigured(new ConfigSection(block.Body, block.Key).Section("upload-ruleset"));
        }
    }
}
