using System.Collections.ObjectModel;
using Konifer.Core.Images;
using Konifer.Transformations;

namespace Konifer.Paths;

/// <summary>
/// The effective configuration of an application path (the <c>paths</c> keys of <c>konifer.conf</c>), after
/// inheritance; see <see cref="PathConfigurationResolver"/>. <see cref="Default"/> holds the system defaults.
/// </summary>
/// <param name="AllowedContentTypes"><c>allowed-content-types</c> (media types); default every supported format; empty allows none.</param>
/// <param name="Limits"><c>limits</c>: the largest supplied image; default 8192 px a side, 20 MP, 20 pages of 1 MP.</param>
/// <param name="TransformLimits"><c>transform.limits</c>: the largest variant; default 8192 px a side, 20 MP.</param>
/// <param name="Lqip"><c>image.lqip</c>; default none.</param>
/// <param name="Preprocessing"><c>transform.preprocessing</c>: parameters and clamps; default disabled.</param>
/// <param name="EagerVariants"><c>transform.eager-variants</c>: names of variant profiles; default none.</param>
/// <param name="OnDemandVariantMode"><c>transform.on-demand-variant.mode</c>; default enabled.</param>
/// <param name="Expiration"><c>transform.retention.expire</c> (formerly <c>transform.expire</c>); default never.</param>
/// <param name="VariantCache"><c>transform.retention.cache</c>; default 16 variants per asset, half-life 1h.</param>
/// <param name="Bucket"><c>object-store.bucket</c> (or <c>bucket</c>); default <c>assets</c>.</param>
/// <param name="UploadRuleset"><c>upload-ruleset</c>; default accept, no rules.</param>
/// <param name="Delivery"><c>delivery</c> (formerly <c>return-format.redirect</c>); default the service's own URL.</param>
/// <param name="CacheControl"><c>cache-control</c>; default disabled.</param>
/// <param name="Search"><c>search</c>; default disabled.</param>
public sealed record PathConfiguration(
    IReadOnlyList<ImageFormat> AllowedContentTypes,
    SuppliedContentLimits Limits,
    OutputSizeLimits TransformLimits,
    IReadOnlySet<LqipAlgorithm> Lqip,
    PreprocessingSettings Preprocessing,
    IReadOnlyList<string> EagerVariants,
    OnDemandVariantMode OnDemandVariantMode,
    ExpirationSettings Expiration,
    VariantCacheSettings VariantCache,
    string Bucket,
    UploadRuleset UploadRuleset,
    DeliverySettings Delivery,
    CacheControlSettings CacheControl,
    SearchSettings Search)
{
    public const string DefaultBucket = "assets";

    public static PathConfiguration Default { get; } = new(
        ImageFormats.All,
        SuppliedContentLimits.Default,
        OutputSizeLimits.Default,
        new ReadOnlySet<LqipAlgorithm>(new HashSet<LqipAlgorithm>()),
        PreprocessingSettings.Default,
        [],
        OnDemandVariantMode.Enabled,
        ExpirationSettings.Never,
        VariantCacheSettings.Default,
        DefaultBucket,
        UploadRuleset.AcceptAll,
        DeliverySettings.Default,
        CacheControlSettings.Disabled,
        SearchSettings.Disabled);

    public bool Allows(ImageFormat format) => AllowedContentTypes.Contains(format);

    /// <summary>
    /// The effective configuration of merged <paramref name="settings"/>: what they leave unset takes its system default.
    /// </summary>
    /// <exception cref="InvalidPathSettingException">The settings break a rule of retention or delivery.</exception>
    public static PathConfiguration From(PathSettings settings) => new(
        settings.AllowedContentTypes ?? ImageFormats.All,
        LimitsOf(settings),
        TransformLimitsOf(settings),
        settings.Lqip ?? Default.Lqip,
        new PreprocessingSettings(settings.PreprocessingEnabled ?? false, settings.PreprocessingParameters ?? PreprocessingSettings.Default.Parameters),
        settings.EagerVariants ?? [],
        settings.OnDemandVariantMode ?? OnDemandVariantMode.Enabled,
        Within("transform.retention.expire", () => ExpirationSettings.Create(settings.ExpirationStrategy ?? ExpirationStrategy.Never, settings.ExpirationTtl)),
        Within("transform.retention.cache", () => VariantCacheSettings.Create(settings.MaxVariants, settings.AccessScoreHalfLife,
            settings.EagerVariants?.Count ?? 0)),
        settings.Bucket ?? DefaultBucket,
        new UploadRuleset(settings.UploadDefault ?? UploadDecision.Accept, settings.AcceptRules ?? [], settings.RejectRules ?? [], settings.ModifyRules ?? []),
        Within("delivery", () => DeliverySettings.Create(settings.DeliveryStrategy ?? DeliveryStrategy.Service,
            settings.DeliveryTemplate ?? DeliverySettings.DefaultTemplateString, settings.DeliveryPresignedTtl ?? DeliverySettings.DefaultPresignedTtl)),
        new CacheControlSettings(settings.CacheEnabled ?? false, settings.MaxAge, settings.SharedMaxAge, settings.CacheVisibility,
            settings.CacheRevalidation, settings.StaleWhileRevalidate, settings.StaleIfError, settings.CacheImmutable ?? false),
        new SearchSettings(settings.SearchEnabled ?? false));

    private static SuppliedContentLimits LimitsOf(PathSettings settings)
    {
        var d = SuppliedContentLimits.Default;
        return new(settings.LimitsMaxWidth ?? d.MaxWidth, settings.LimitsMaxHeight ?? d.MaxHeight, settings.LimitsMaxPixels ?? d.MaxPixels,
            settings.LimitsMaxPages ?? d.MaxPages, settings.LimitsMaxPixelsPerPage ?? d.MaxPixelsPerPage);
    }

    private static OutputSizeLimits TransformLimitsOf(PathSettings settings)
    {
        var d = OutputSizeLimits.Default;
        return new(settings.TransformMaxWidth ?? d.MaxWidth, settings.TransformMaxHeight ?? d.MaxHeight, settings.TransformMaxPixels ?? d.MaxPixels);
    }

    private static T Within<T>(string prefix, Func<T> create)
    {
        try
        {
            return create();
        }
        catch (InvalidPathSettingException e)
        {
            throw e.Within(prefix);
        }
    }
}
