using System.Collections.ObjectModel;
using System.Text.Json.Nodes;
using Konifer.Core.Images;
using Konifer.Paths;
using Konifer.Transformations;

namespace Konifer.Configuration.Reading;

/// <summary>
/// One block of <c>paths</c>: what it sets, with the reference's shorthands read as the keys they stand for
/// (<c>bucket</c> for <c>object-store.bucket</c>, <c>lqip</c> for <c>image.lqip</c>; preprocessing's own in
/// <see cref="PreprocessingReader"/>). Keys no reader asks for are reported by <see cref="UnknownKeys"/>.
/// </summary>
internal static class PathSettingsReader
{
    private static readonly (string, LqipAlgorithm)[] LqipAlgorithms =
        [("blurhash", LqipAlgorithm.Blurhash), ("thumbhash", LqipAlgorithm.Thumbhash)];

    private static readonly (string, OnDemandVariantMode)[] OnDemandModes =
    [
        ("enabled", OnDemandVariantMode.Enabled),
        ("profile_only", OnDemandVariantMode.ProfileOnly),
        ("disabled", OnDemandVariantMode.Disabled),
    ];

    public static PathSettings Read(ConfigReader block, VariantProfiles profiles, ConfigurationWarnings? warnings = null)
    {
        var transform = block.Section("transform");
        var settings = new PathSettings
        {
            AllowedContentTypes = ContentTypes(block),
            Lqip = Lqip(block),
            EagerVariants = EagerVariants(transform, profiles),
            OnDemandVariantMode = transform.Section("on-demand-variant").Choice("mode", OnDemandModes),
            Bucket = Bucket(block),
            SearchEnabled = block.Section("search").Bool("enabled"),
        };
        settings = LimitsReader.Read(block, settings);
        settings = PreprocessingReader.Read(transform.Section("preprocessing"), settings);
        settings = DeliveryReader.Read(block, settings, warnings);
        settings = UploadRulesetReader.Read(block.Section("upload-ruleset"), settings, warnings);
        settings = RetentionReader.Read(transform, settings, warnings);
        return CacheControlReader.Read(block.Section("cache-control"), settings);
    }

    private static IReadOnlyList<ImageFormat>? ContentTypes(ConfigReader block)
    {
        const string name = "allowed-content-types";
        var types = block.StringList(name);
        if (types is null) return null;
        var formats = new List<ImageFormat>(types.Count);
        for (var i = 0; i < types.Count; i++)
        {
            if (!ImageFormats.TryParseMediaType(types[i], out var format))
                throw block.Error($"{name}[{i}]",
                    $"'{types[i]}' is not a supported content type; use {string.Join(", ", ImageFormats.All.Select(f => f.MediaType()))}");
            if (!formats.Contains(format.Value)) formats.Add(format.Value);
        }
        return formats.AsReadOnly();
    }

    private static IReadOnlySet<LqipAlgorithm>? Lqip(ConfigReader block)
    {
        var image = block.Section("image");
        // The reference's LQIP page writes `lqip = [...]` in the block itself; its configuration reference nests it
        // under image.
        var section = image;
        if (block.Mentions("lqip"))
        {
            if (image.Mentions("lqip") && !JsonNode.DeepEquals(image.Raw("lqip"), block.Raw("lqip")))
                throw block.Error("lqip", "conflicts with image.lqip in the same block; set only one");
            section = block;
        }
        var names = section.StringList("lqip");
        if (names is null) return null;
        var result = new HashSet<LqipAlgorithm>();
        for (var i = 0; i < names.Count; i++)
        {
            var match = LqipAlgorithms.Where(a => string.Equals(a.Item1, names[i].Trim(), StringComparison.OrdinalIgnoreCase)).ToArray();
            if (match.Length == 0)
                throw section.Error($"lqip[{i}]", $"'{names[i]}' is not one of blurhash, thumbhash");
            result.Add(match[0].Item2);
        }
        return new ReadOnlySet<LqipAlgorithm>(result);
    }

    private static IReadOnlyList<string>? EagerVariants(ConfigReader transform, VariantProfiles profiles)
    {
        const string name = "eager-variants";
        var names = transform.StringList(name);
        if (names is null) return null;
        var result = new List<string>(names.Count);
        for (var i = 0; i < names.Count; i++)
        {
            var profile = names[i].Trim();
            if (!profiles.Contains(profile))
                throw transform.Error($"{name}[{i}]", $"'{names[i]}' is not a profile defined in variant-profiles");
            if (!result.Contains(profile, VariantProfiles.NameComparer)) result.Add(profile);
        }
        return result.AsReadOnly();
    }

    /// <summary><c>object-store.bucket</c>, or the reference's shorthand <c>bucket</c>; both only when they agree.</summary>
    private static string? Bucket(ConfigReader block)
    {
        var objectStore = block.Section("object-store");
        if (block.Raw("bucket") is { } shorthand)
        {
            var text = Checked(block, "bucket");
            if (objectStore.Raw("bucket") is { } canonical && !JsonNode.DeepEquals(canonical, shorthand))
                throw block.Error("bucket", "conflicts with object-store.bucket in the same block; set only one");
            return text;
        }
        return objectStore.Raw("bucket") is null ? null : Checked(objectStore, "bucket");
    }

    private static string Checked(ConfigReader section, string name)
    {
        var bucket = section.String(name)!;
        return BucketNameRules.Check(bucket) is { } problem ? throw section.Error(name, problem) : bucket;
    }
}
