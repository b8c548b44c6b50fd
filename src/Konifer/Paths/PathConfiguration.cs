using System.Collections.ObjectModel;
using Konifer.Configuration;
using Konifer.Core.Images;
using Konifer.Transformations;

namespace Konifer.Paths;

/// <summary>
/// The effective configuration of an application path (the <c>paths</c> keys of <c>konifer.conf</c>), after
/// inheritance; see <see cref="PathConfigurationResolver"/>. <see cref="Default"/> holds the system defaults.
/// </summary>
/// <param name="AllowedContentTypes"><c>allowed-content-types</c> (media types); default every supported format; empty allows none.</param>
/// <param name="Lqip"><c>image.lqip</c>; default none.</param>
/// <param name="Preprocessing"><c>transform.preprocessing</c>; default disabled.</param>
/// <param name="EagerVariants"><c>transform.eager-variants</c>: names of variant profiles; default none.</param>
/// <param name="OnDemandVariantMode"><c>transform.on-demand-variant.mode</c>; default enabled.</param>
/// <param name="Expiration"><c>transform.expire</c>; default never.</param>
/// <param name="Bucket"><c>object-store.bucket</c> (or <c>bucket</c>); default <c>assets</c>.</param>
/// <param name="UploadRuleset"><c>upload-ruleset</c>; default accept, no rules.</param>
/// <param name="Redirect"><c>return-format.redirect</c>; default none.</param>
/// <param name="CacheControl"><c>cache-control</c>; default disabled.</param>
public sealed record PathConfiguration(
    IReadOnlyList<ImageFormat> AllowedContentTypes,
    IReadOnlySet<LqipAlgorithm> Lqip,
    PreprocessingSettings Preprocessing,
    IReadOnlyList<string> EagerVariants,
    OnDemandVariantMode OnDemandVariantMode,
    ExpirationSettings Expiration,
    string Bucket,
    UploadRuleset UploadRuleset,
    RedirectSettings Redirect,
    CacheControlSettings CacheControl)
{
    public const string DefaultBucket = "assets";

    public static PathConfiguration Default { get; } = new(
        ImageFormats.All,
        new ReadOnlySet<LqipAlgorithm>(new HashSet<LqipAlgorithm>()),
        PreprocessingSettings.Default,
        [],
        OnDemandVariantMode.Enabled,
        ExpirationSettings.Never,
        DefaultBucket,
        UploadRuleset.AcceptAll,
        RedirectSettings.Default,
        CacheControlSettings.Disabled);

    public bool Allows(ImageFormat format) => AllowedContentTypes.Contains(format);

    private static readonly (string, LqipAlgorithm)[] LqipAlgorithms =
        [("blurhash", LqipAlgorithm.Blurhash), ("thumbhash", LqipAlgorithm.Thumbhash)];

    private static readonly (string, OnDemandVariantMode)[] OnDemandModes =
    [
        ("enabled", OnDemandVariantMode.Enabled),
        ("profile_only", OnDemandVariantMode.ProfileOnly),
        ("disabled", OnDemandVariantMode.Disabled),
    ];

    /// <summary>Reads a (merged, normalized) path block; missing keys take their system default.</summary>
    internal static PathConfiguration Read(ConfigSection block, VariantProfiles profiles)
    {
        var transform = block.Section("transform");
        return new PathConfiguration(
            ReadContentTypes(block),
            ReadLqip(block.Section("image")),
            PreprocessingSettings.Read(transform.Section("preprocessing")),
            ReadEagerVariants(transform, profiles),
            transform.Section("on-demand-variant").Choice("mode", OnDemandModes) ?? OnDemandVariantMode.Enabled,
            ExpirationSettings.Read(transform.Section("expire")),
            ReadBucket(block.Section("object-store")),
            UploadRuleset.Read(block.Section("upload-ruleset")),
            RedirectSettings.Read(block.Section("return-format").Section("redirect")),
            CacheControlSettings.Read(block.Section("cache-control")));
    }

    private static IReadOnlyList<ImageFormat> ReadContentTypes(ConfigSection block)
    {
        var types = block.StringList("allowed-content-types");
        if (types is null) return ImageFormats.All;
        var formats = new List<ImageFormat>(types.Count);
        for (var i = 0; i < types.Count; i++)
        {
            if (!ImageFormats.TryParseMediaType(types[i], out var format))
                throw new ConfigurationException($"{block.KeyOf("allowed-content-types")}[{i}]",
                    $"'{types[i]}' is not a supported content type; use {string.Join(", ", ImageFormats.All.Select(f => f.MediaType()))}");
            if (!formats.Contains(format.Value)) formats.Add(format.Value);
        }
        return formats.AsReadOnly();
    }

    private static IReadOnlySet<LqipAlgorithm> ReadLqip(ConfigSection image)
    {
        var names = image.StringList("lqip");
        var result = new HashSet<LqipAlgorithm>();
        if (names is null) return new ReadOnlySet<LqipAlgorithm>(result);
        for (var i = 0; i < names.Count; i++)
        {
            var match = LqipAlgorithms.Where(a => string.Equals(a.Item1, names[i].Trim(), StringComparison.OrdinalIgnoreCase)).ToArray();
            if (match.Length == 0)
                throw new ConfigurationException($"{image.KeyOf("lqip")}[{i}]", $"'{names[i]}' is not one of blurhash, thumbhash");
            result.Add(match[0].Item2);
        }
        return new ReadOnlySet<LqipAlgorithm>(result);
    }

    private static IReadOnlyList<string> ReadEagerVariants(ConfigSection transform, VariantProfiles profiles)
    {
        var names = transform.StringList("eager-variants");
        if (names is null) return [];
        var result = new List<string>(names.Count);
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i].Trim();
            if (!profiles.Contains(name))
                throw new ConfigurationException($"{transform.KeyOf("eager-variants")}[{i}]",
                    $"'{names[i]}' is not a profile defined in variant-profiles");
            if (!result.Contains(name, StringComparer.OrdinalIgnoreCase)) result.Add(name);
        }
        return result.AsReadOnly();
    }

    private static string ReadBucket(ConfigSection objectStore)
    {
        var bucket = objectStore.String("bucket");
        if (bucket is null) return DefaultBucket;
        var problem = BucketNameRules.Check(bucket);
        return problem is null ? bucket : throw new ConfigurationException(objectStore.KeyOf("bucket"), problem);
    }
}
