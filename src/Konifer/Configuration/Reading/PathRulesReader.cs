using System.Text.Json.Nodes;
using Konifer.Core.Assets;
using Konifer.Paths;
using Konifer.Transformations;

namespace Konifer.Configuration.Reading;

/// <summary>
/// <c>paths</c> in either syntax: an object keyed by pattern, or the older list of objects with a <c>path</c> key.
/// Every block is checked on top of <c>/**</c>, so that a bad value stops start-up with the key of the block that
/// configures it; a merge of valid blocks is then valid (see <see cref="PathConfigurationResolver"/>).
/// </summary>
internal static class PathRulesReader
{
    private const string Key = "paths";

    /// <summary>One block as configured: the pattern and its body, whose key names the block in messages.</summary>
    private sealed record Block(PathPattern Pattern, ConfigReader Body);

    public static PathConfigurationResolver Read(ConfigReader root, VariantProfiles profiles, ConfigurationWarnings? warnings = null)
    {
        var rules = new List<PathRule>();
        PathSettings? rootSettings = null;
        // Least specific first, so that a bad value in /** is reported at /**, not at the first block that inherits it.
        var blocks = Blocks(root).OrderBy(b => b.Pattern, PathPattern.SpecificityComparer).ToList();
        foreach (var block in blocks)
        {
            var settings = PathSettingsReader.Read(block.Body, profiles, warnings);
            if (block.Pattern.Equals(PathPattern.Root)) rootSettings = settings;
            Check(block.Body, rootSettings is null || ReferenceEquals(settings, rootSettings) ? settings : settings.Over(rootSettings), profiles);
            rules.Add(new PathRule(block.Pattern, settings));
        }
        PathConfigurationResolver resolver;
        try
        {
            resolver = new PathConfigurationResolver(rules);
        }
        catch (InvalidPathSettingException e)
        {
            throw new ConfigurationException(Key, e.Message);
        }
        foreach (var block in blocks) CheckMerged(block, resolver);
        return resolver;
    }

    /// <summary>
    /// Some rules relate keys that different blocks may set (max-variants must exceed the eager variants): checked
    /// over /** alone, a block can pass while a path below a less specific block would not resolve. So each block is
    /// checked once more as a path it matches sees it (<c>*</c> as one segment, <c>**</c> as none), with every block
    /// that applies there.
    /// </summary>
    private static void CheckMerged(Block block, PathConfigurationResolver resolver)
    {
        var segments = block.Pattern.Segments.Where(s => s != PathPattern.AnySegments).Select(s => s == PathPattern.AnySegment ? "x" : s);
        if (!AssetPath.TryParse("/" + string.Join('/', segments), out var path, out _)) return;
        try
        {
            resolver.Resolve(path);
        }
        catch (InvalidPathSettingException e)
        {
            throw block.Body.Error(RetentionReader.AsWritten(block.Body, e.Setting), e.Message);
        }
    }

    /// <summary>Whether the block, over what it inherits from <c>/**</c>, makes a configuration.</summary>
    private static void Check(ConfigReader body, PathSettings settings, VariantProfiles profiles)
    {
        try
        {
            TransformLimitsCheck.Check(body, PathConfiguration.From(settings), profiles);
        }
        catch (InvalidPathSettingException e)
        {
            throw body.Error(RetentionReader.AsWritten(body, e.Setting), e.Message);
        }
    }

    private static List<Block> Blocks(ConfigReader root)
    {
        var node = root.Raw(Key);
        var blocks = new List<Block>();
        switch (node)
        {
            case null:
                break;
            case JsonObject byPattern:
                foreach (var (text, body) in byPattern)
                {
                    var key = $"{Key}.{ConfigText.QuoteKey(text)}";
                    var pattern = Pattern(text, key);
                    if (body is not JsonObject obj)
                        throw new ConfigurationException(key, $"expected an object, found {ConfigText.Describe(body)}");
                    Add(blocks, new Block(pattern, root.Nested(obj, key, byPattern, text)));
                }
                break;
            case JsonArray list:
                for (var i = 0; i < list.Count; i++)
                {
                    var key = $"{Key}[{i}]";
                    if (list[i] is not JsonObject obj)
                        throw new ConfigurationException(key, $"expected an object with a path, found {ConfigText.Describe(list[i])}");
                    var body = root.Nested(obj, key);
                    var text = body.String("path") ?? throw body.Error("path", "is required (for example path = \"/users/**\")");
                    Add(blocks, new Block(Pattern(text, body.KeyOf("path")), body));
                }
                break;
            default:
                throw new ConfigurationException(Key, $"expected an object keyed by path pattern or a list, found {ConfigText.Describe(node)}");
        }
        return blocks;
    }

    private static PathPattern Pattern(string text, string key) =>
        PathPattern.TryParse(text, out var pattern, out var error) ? pattern : throw new ConfigurationException(key, error);

    private static void Add(List<Block> blocks, Block block)
    {
        var existing = blocks.FirstOrDefault(b => b.Pattern.Equals(block.Pattern));
        if (existing is not null)
            throw new ConfigurationException(block.Body.Key, $"the pattern '{block.Pattern}' is already configured at {existing.Body.Key}");
        blocks.Add(block);
    }
}
