using Konifer.Core.Images;
using Konifer.Transformations;

namespace Konifer.Paths;

/// <summary>
/// What one <c>paths</c> block sets. Null is "not set here": the value comes from a less specific block or, failing
/// that, the system default (see <see cref="PathConfiguration.From"/>). Each property is one key of the block.
/// </summary>
public sealed record PathSettings
{
    public static PathSettings None { get; } = new();

    /// <summary><c>allowed-content-types</c>; an empty list allows none.</summary>
    public IReadOnlyList<ImageFormat>? AllowedContentTypes { get; init; }

    /// <summary><c>limits.max-width</c>.</summary>
    public int? LimitsMaxWidth { get; init; }

    /// <summary><c>limits.max-height</c>.</summary>
    public int? LimitsMaxHeight { get; init; }

    /// <summary><c>limits.max-pixels</c> (still images).</summary>
    public long? LimitsMaxPixels { get; init; }

    /// <summary><c>limits.max-pages</c>.</summary>
    public int? LimitsMaxPages { get; init; }

    /// <summary><c>limits.max-pixels-per-page</c> (animations).</summary>
    public long? LimitsMaxPixelsPerPage { get; init; }

    /// <summary><c>transform.limits.max-width</c>.</summary>
    public int? TransformMaxWidth { get; init; }

    /// <summary><c>transform.limits.max-height</c>.</summary>
    public int? TransformMaxHeight { get; init; }

    /// <summary><c>transform.limits.max-pixels</c>.</summary>
    public long? TransformMaxPixels { get; init; }

    /// <summary><c>image.lqip</c> (or <c>lqip</c>).</summary>
    public IReadOnlySet<LqipAlgorithm>? Lqip { get; init; }

    /// <summary><c>transform.preprocessing.enabled</c>.</summary>
    public bool? PreprocessingEnabled { get; init; }

    /// <summary>
    /// <c>transform.preprocessing</c>'s transformation parameters and <c>clamp-width</c>/<c>clamp-height</c> (legacy
    /// <c>image { … }</c>, <c>max-width</c>, <c>max-height</c> read into them): unlike the lists, merged parameter by parameter.
    /// </summary>
    public IReadOnlyDictionary<string, string>? PreprocessingParameters { get; init; }

    /// <summary><c>transform.eager-variants</c>: names of variant profiles.</summary>
    public IReadOnlyList<string>? EagerVariants { get; init; }

    /// <summary><c>transform.on-demand-variant.mode</c>.</summary>
    public OnDemandVariantMode? OnDemandVariantMode { get; init; }

    /// <summary><c>transform.retention.expire.strategy</c> (or the older <c>transform.expire.strategy</c>).</summary>
    public ExpirationStrategy? ExpirationStrategy { get; init; }

    /// <summary><c>transform.retention.expire.ttl</c> (or the older <c>transform.expire.ttl</c>).</summary>
    public TimeSpan? ExpirationTtl { get; init; }

    /// <summary><c>transform.retention.cache.max-variants</c>.</summary>
    public int? MaxVariants { get; init; }

    /// <summary><c>transform.retention.cache.access-score-half-life</c>.</summary>
    public TimeSpan? AccessScoreHalfLife { get; init; }

    /// <summary><c>object-store.bucket</c> (or <c>bucket</c>).</summary>
    public string? Bucket { get; init; }

    /// <summary><c>upload-ruleset.default</c>.</summary>
    public UploadDecision? UploadDefault { get; init; }

    /// <summary><c>upload-ruleset.accept-rules</c>.</summary>
    public IReadOnlyList<UploadRule>? AcceptRules { get; init; }

    /// <summary><c>upload-ruleset.reject-rules</c>.</summary>
    public IReadOnlyList<UploadRule>? RejectRules { get; init; }

    /// <summary><c>upload-ruleset.modify-rules</c>.</summary>
    public IReadOnlyList<UploadRule>? ModifyRules { get; init; }

    /// <summary><c>delivery.strategy</c> (or the older <c>return-format.redirect.strategy</c>).</summary>
    public DeliveryStrategy? DeliveryStrategy { get; init; }

    /// <summary><c>delivery.template.string</c>.</summary>
    public string? DeliveryTemplate { get; init; }

    /// <summary><c>delivery.presigned.ttl</c>.</summary>
    public TimeSpan? DeliveryPresignedTtl { get; init; }

    /// <summary><c>cache-control.enabled</c>.</summary>
    public bool? CacheEnabled { get; init; }

    /// <summary><c>cache-control.max-age</c>.</summary>
    public TimeSpan? MaxAge { get; init; }

    /// <summary><c>cache-control.s-maxage</c>.</summary>
    public TimeSpan? SharedMaxAge { get; init; }

    /// <summary><c>cache-control.visibility</c>.</summary>
    public CacheVisibility? CacheVisibility { get; init; }

    /// <summary><c>cache-control.revalidate</c>.</summary>
    public CacheRevalidation? CacheRevalidation { get; init; }

    /// <summary><c>cache-control.stale-while-revalidate</c>.</summary>
    public TimeSpan? StaleWhileRevalidate { get; init; }

    /// <summary><c>cache-control.stale-if-error</c>.</summary>
    public TimeSpan? StaleIfError { get; init; }

    /// <summary><c>cache-control.immutable</c>.</summary>
    public bool? CacheImmutable { get; init; }

    /// <summary><c>search.enabled</c>.</summary>
    public bool? SearchEnabled { get; init; }

    /// <summary>These settings on top of <paramref name="lower"/>, a less specific block: what this one sets wins.</summary>
    public PathSettings Over(PathSettings lower) => new()
    {
        AllowedContentTypes = AllowedContentTypes ?? lower.AllowedContentTypes,
        LimitsMaxWidth = LimitsMaxWidth ?? lower.LimitsMaxWidth,
        LimitsMaxHeight = LimitsMaxHeight ?? lower.LimitsMaxHeight,
        LimitsMaxPixels = LimitsMaxPixels ?? lower.LimitsMaxPixels,
        LimitsMaxPages = LimitsMaxPages ?? lower.LimitsMaxPages,
        LimitsMaxPixelsPerPage = LimitsMaxPixelsPerPage ?? lower.LimitsMaxPixelsPerPage,
        TransformMaxWidth = TransformMaxWidth ?? lower.TransformMaxWidth,
        TransformMaxHeight = TransformMaxHeight ?? lower.TransformMaxHeight,
        TransformMaxPixels = TransformMaxPixels ?? lower.TransformMaxPixels,
        Lqip = Lqip ?? lower.Lqip,
        PreprocessingEnabled = PreprocessingEnabled ?? lower.PreprocessingEnabled,
        PreprocessingParameters = Merge(lower.PreprocessingParameters, PreprocessingParameters),
        EagerVariants = EagerVariants ?? lower.EagerVariants,
        OnDemandVariantMode = OnDemandVariantMode ?? lower.OnDemandVariantMode,
        ExpirationStrategy = ExpirationStrategy ?? lower.ExpirationStrategy,
        ExpirationTtl = ExpirationTtl ?? lower.ExpirationTtl,
        MaxVariants = MaxVariants ?? lower.MaxVariants,
        AccessScoreHalfLife = AccessScoreHalfLife ?? lower.AccessScoreHalfLife,
        Bucket = Bucket ?? lower.Bucket,
        UploadDefault = UploadDefault ?? lower.UploadDefault,
        AcceptRules = AcceptRules ?? lower.AcceptRules,
        RejectRules = RejectRules ?? lower.RejectRules,
        ModifyRules = ModifyRules ?? lower.ModifyRules,
        DeliveryStrategy = DeliveryStrategy ?? lower.DeliveryStrategy,
        DeliveryTemplate = DeliveryTemplate ?? lower.DeliveryTemplate,
        DeliveryPresignedTtl = DeliveryPresignedTtl ?? lower.DeliveryPresignedTtl,
        CacheEnabled = CacheEnabled ?? lower.CacheEnabled,
        MaxAge = MaxAge ?? lower.MaxAge,
        SharedMaxAge = SharedMaxAge ?? lower.SharedMaxAge,
        CacheVisibility = CacheVisibility ?? lower.CacheVisibility,
        CacheRevalidation = CacheRevalidation ?? lower.CacheRevalidation,
        StaleWhileRevalidate = StaleWhileRevalidate ?? lower.StaleWhileRevalidate,
        StaleIfError = StaleIfError ?? lower.StaleIfError,
        CacheImmutable = CacheImmutable ?? lower.CacheImmutable,
        SearchEnabled = SearchEnabled ?? lower.SearchEnabled,
    };

    private static IReadOnlyDictionary<string, string>? Merge(IReadOnlyDictionary<string, string>? lower, IReadOnlyDictionary<string, string>? upper)
    {
        if (lower is null || upper is null) return upper ?? lower;
        var merged = new Dictionary<string, string>(lower, StringComparer.Ordinal);
        foreach (var (name, value) in upper) merged[name] = value;
        return merged.AsReadOnly();
    }
}
