using System.Text.Json.Nodes;
using Konifer.Configuration;

namespace Konifer.Paths;

/// <summary>One configured pattern with its (normalized) body and the key it was configured under.</summary>
internal sealed record PathConfigurationBlock(PathPattern Pattern, JsonObject Body, string Key)
{
    private const string PathsKey = "paths";

    /// <summary>
    /// Reads <c>root["paths"]</c> in either syntax: an object keyed by pattern, or the older list of objects with a
    /// <c>path</c> key. A pattern configured twice is an error.
    /// </summary>
    public static IReadOnlyList<PathConfigurationBlock> Load(JsonObject? root)
    {
        var node = root is not null && root.TryGetPropertyValue(PathsKey, out var value) ? value : null;
        var blocks = new List<PathConfigurationBlock>();
        switch (node)
        {
            case null:
                break;
            case JsonObject byPattern:
                foreach (var (text, body) in byPattern)
                {
                    var key = $"{PathsKey}.{ConfigSection.QuoteKey(text)}";
                    var pattern = PathPattern.ParseConfigured(text, key);
                    if (body is not JsonObject obj)
                        throw new ConfigurationException(key, $"expected an object, found {ConfigSection.Describe(body)}");
                    Add(blocks, new PathConfigurationBlock(pattern, Normalize(obj, key, removePath: false), key));
                }
                break;
            case JsonArray list:
                for (var i = 0; i < list.Count; i++)
                {
                    var key = $"{PathsKey}[{i}]";
                    if (list[i] is not JsonObject obj)
                        throw new ConfigurationException(key, $"expected an object with a path, found {ConfigSection.Describe(list[i])}");
                    var section = new ConfigSection(obj, key);
                    var text = section.String("path")
                        ?? throw new ConfigurationException(section.KeyOf("path"), "is required (for example path = \"/users/**\")");
                    var pattern = PathPattern.ParseConfigured(text, section.KeyOf("path"));
                    Add(blocks, new PathConfigurationBlock(pattern, Normalize(obj, key, removePath: true), key));
                }
                break;
            default:
                throw new ConfigurationException(PathsKey,
                    $"expected an object keyed by path pattern or a list, found {ConfigSection.Describe(node)}");
        }
        return blocks;
    }

    private static void Add(List<PathConfigurationBlock> blocks, PathConfigurationBlock block)
    {
        var existing = blocks.FirstOrDefault(b => b.Pattern.Equals(block.Pattern));
        if (existing is not null)
            throw new ConfigurationException(block.Key,
                $"the pattern '{block.Pattern}' is already configured at {existing.Key}");
        blocks.Add(block);
    }

    /// <summary>
    /// A copy of the body with aliases moved to their canonical keys so that inheritance merges them correctly:
    /// <c>bucket</c> → <c>object-store.bucket</c>; <c>lqip</c> → <c>image.lqip</c>; <c>transform.preprocessing.max-width</c>/<c>max-height</c> →
    /// <c>transform.preprocessing.image.*</c>. Unknown keys are kept (and ignored).
    /// </summary>
    private static JsonObject Normalize(JsonObject body, string key, bool removePath)
    {
        var copy = (JsonObject)body.DeepClone();
        if (removePath) copy.Remove("path");

        if (copy.TryGetPropertyValue("bucket", out var bucket))
        {
            copy.Remove("bucket");
            if (bucket is not null)
            {
                var text = ConfigSection.ScalarText(bucket, $"{key}.bucket");
                if (BucketNameRules.Check(text) is { } problem) throw new ConfigurationException($"{key}.bucket", problem);
                var objectStore = ChildObject(copy, "object-store", $"{key}.object-store");
                if (objectStore.TryGetPropertyValue("bucket", out var canonical) && canonical is not null &&
                    !JsonNode.DeepEquals(canonical, bucket))
                    throw new ConfigurationException($"{key}.bucket", "conflicts with object-store.bucket in the same block; set only one");
                objectStore["bucket"] = bucket;
            }
        }

        // The reference's LQIP page writes `lqip = [...]` in the path block itself; its configuration reference nests it
        // under image.
        if (copy.TryGetPropertyValue("lqip", out var lqip))
        {
            copy.Remove("lqip");
            var image = ChildObject(copy, "image", $"{key}.image");
            if (image.TryGetPropertyValue("lqip", out var canonical) && !JsonNode.DeepEquals(canonical, lqip))
                throw new ConfigurationException($"{key}.lqip", "conflicts with image.lqip in the same block; set only one");
            image["lqip"] = lqip;
        }

        if (copy["transform"] is JsonObject transform && transform["preprocessing"] is JsonObject preprocessing)
        {
            foreach (var name in (string[])["max-width", "max-height"])
            {
                if (!preprocessing.TryGetPropertyValue(name, out var shorthand)) continue;
                preprocessing.Remove(name);
                var image = ChildObject(preprocessing, "image", $"{key}.transform.preprocessing.image");
                if (shorthand is not null && !image.ContainsKey(name)) image[name] = shorthand;
            }
        }
        return copy;
    }

    private static JsonObject ChildObject(JsonObject parent, string name, string key)
    {
        switch (parent[name])
        {
            case JsonObject existing:
                return existing;
            case null:
                var created = new JsonObject();
                parent[name] = created;
                return created;
            default:
                throw new ConfigurationException(key, $"expected an object, found {ConfigSection.Describe(parent[name])}");
        }
    }
}
