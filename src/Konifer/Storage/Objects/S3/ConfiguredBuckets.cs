using Konifer.Core.Assets;
using Konifer.Paths;

namespace Konifer.Storage.Objects.S3;

/// <summary>
/// The buckets the path configuration sends objects to, found through the resolver's public surface: for every
/// pattern, the configuration of a path it matches (wildcards filled in with a placeholder, <c>**</c> tried as zero
/// and as one segment). A bucket only reachable by a deeper path can be missed; the store then reports it at the put.
/// </summary>
internal static class ConfiguredBuckets
{
    private const string Placeholder = "x";

    public static IReadOnlyList<string> From(PathConfigurationResolver? resolver)
    {
        var buckets = new SortedSet<string>(StringComparer.Ordinal) { PathConfiguration.DefaultBucket };
        if (resolver is null) return buckets.ToArray();
        foreach (var pattern in resolver.Patterns)
            foreach (var anySegments in new[] { Array.Empty<string>(), [Placeholder] })
            {
                var segments = new List<string>();
                for (var i = 0; i < pattern.Segments.Count; i++)
                    segments.AddRange(pattern.SegmentKinds[i] switch
                    {
                        PathPatternSegmentKind.AnySegments => anySegments,
                        PathPatternSegmentKind.AnySegment => [Placeholder],
                        _ => [pattern.Segments[i]],
                    });
                if (segments.Count == 0) continue;
                buckets.Add(resolver.Resolve(AssetPath.FromSegments(segments)).Bucket);
            }
        return buckets.ToArray();
    }
}
