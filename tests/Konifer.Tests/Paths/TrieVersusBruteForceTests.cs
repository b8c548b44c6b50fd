using System.Text.Json.Nodes;
using Konifer.Core.Assets;
using Konifer.Paths;

namespace Konifer.Tests.Paths;

public class TrieVersusBruteForceTests
{
    private static readonly string[] PatternAlphabet = ["a", "b", "c", "*", "**"];
    private static readonly string[] PathAlphabet = ["a", "b", "c", "d", "A"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void TheTrieFindsExactlyThePatternsABruteForceScanFinds(int seed)
    {
        var random = new Random(seed);
        var patterns = new List<PathPattern>();
        while (patterns.Count < 40)
        {
            var length = random.Next(1, 5);
            var text = "/" + string.Join('/', Enumerable.Range(0, length).Select(_ => PatternAlphabet[random.Next(PatternAlphabet.Length)]));
            var pattern = PathPattern.Parse(text);
            if (!patterns.Contains(pattern)) patterns.Add(pattern);
        }
        var paths = new JsonObject();
        for (var i = 0; i < patterns.Count; i++)
            paths[patterns[i].Value] = new JsonObject { ["bucket"] = $"bucket-{i:000}" };
        var resolver = ConfigJson.Resolver(new JsonObject { ["paths"] = paths });

        for (var n = 0; n < 300; n++)
        {
            var length = random.Next(1, 7);
            var path = AssetPath.FromSegments(Enumerable.Range(0, length).Select(_ => PathAlphabet[random.Next(PathAlphabet.Length)]));

            var expected = patterns.Where(p => AppliesBruteForce(p.Segments, path.Segments)).ToList();
            expected.Sort(PathPattern.SpecificityComparer);

            Assert.Equal(expected.Select(p => p.Value), resolver.ApplicablePatterns(path).Select(p => p.Value));
            var expectedBucket = expected.Count == 0 ? "assets" : $"bucket-{patterns.IndexOf(expected[^1]):000}";
            Assert.Equal(expectedBucket, resolver.Resolve(path).Bucket);
        }
    }

    /// <summary>
    /// Does the pattern match the path, or (ending in a literal) one of its ancestors? A pattern ending in <c>*</c>
    /// names exactly one segment and is not inherited (issue 12). Plain recursion, no shared code.
    /// </summary>
    private static bool AppliesBruteForce(IReadOnlyList<string> pattern, IReadOnlyList<string> path)
    {
        if (pattern[^1] is "*" or "**") return MatchesBruteForce(pattern, 0, path.ToArray(), 0);
        for (var length = 0; length <= path.Count; length++)
            if (MatchesBruteForce(pattern, 0, path.Take(length).ToArray(), 0))
                return true;
        return false;
    }

    private static bool MatchesBruteForce(IReadOnlyList<string> pattern, int p, string[] path, int s)
    {
        if (p == pattern.Count) return s == path.Length;
        if (pattern[p] == "**")
        {
            for (var skip = 0; s + skip <= path.Length; skip++)
                if (MatchesBruteForce(pattern, p + 1, path, s + skip))
                    return true;
            return false;
        }
        if (s == path.Length) return false;
        var segmentMatches = pattern[p] == "*" || string.Equals(pattern[p], path[s], StringComparison.OrdinalIgnoreCase);
        return segmentMatches && MatchesBruteForce(pattern, p + 1, path, s + 1);
    }
}
