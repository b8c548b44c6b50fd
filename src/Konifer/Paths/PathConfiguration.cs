using System.Collections.ObjectModel;
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
/// <param name="Delivery"><c>delivery</c> (formerly <c>return-format.redirect</c>); default the service's own URL.</param>
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
    DeliverySettings Delivery,
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
        DeliverySettings.Default,
        CacheControlSettings.Disabled);

    public bool Allows(ImageFormat format) => AllowedContentTypes.Contains(format);

    /// <summary>
    /// The effective configuration of merged <paramref name="settings"/>: what they leave unset takes its system default.
    /// </summary>
    /// <exception cref="InvalidPathSettingException">The settings break a rule of expiration or delivery.</exception>
    public static PathConfiguration From(PathSettings settings) => new(
        settings.AllowedContentTypes ?? ImageFormats.All,
        settings.Lqip ?? Default.Lqip,
        new PreprocessingSettings(settings.PreprocessingEnabled ?? false, settings.PreprocessingParameters ?? PreprocessingSettings.Default.Parameters),
        settings.EagerVariants ?? [],
        settings.OnDemandVariantMode ?? OnDemandVariantMode.Enabled,
        Within("transform.expire", () => ExpirationSettings.Create(settings.ExpirationStrategy ?? ExpirationStrategy.Never, settings.ExpirationTtl)),
        settings.Bucket ?? DefaultBucket,
        new UploadRuleset(settings.UploadDefault ?? UploadDecision.Accept, settings.AcceptRules ?? [], settings.RejectRules ?? [], settings.ModifyRules ?? []),
        Within("delivery", () => DeliverySettings.Create(settings.DeliveryStrategy ?? DeliveryStrategy.Service,
            settings.DeliveryTemplate ?? DeliverySettings.DefaultTemplateString, settings.DeliveryPresignedTtl ?? DeliverySettings.DefaultPresignedTtl)),
        new CacheControlSettings(settings.CacheEnabled ?? false, settings.MaxAge, settings.SharedMaxAge, settings.CacheVisibility,
            settings.CacheRevalidation, settings.StaleWhileRevalidate, settings.StaleIfError, settings.CacheImmutable ?? false));

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
