using Konifer.Core.Images;
using Konifer.Core.Transformations;

namespace Konifer.Transformations;

/// <summary>
/// <c>transform.on-demand-variant.mode</c>: which requested variants a path may generate on demand.
/// <c>enabled</c> allows any; <c>profile_only</c> refuses every parameter but <c>profile</c>; <c>disabled</c> serves
/// only the path's eager variants (generating one that is missing is still allowed). Refusals throw
/// <see cref="InvalidTransformationException"/> (400) naming the rule.
/// </summary>
public static class OnDemandPolicy
{
    private const string Rule = "transform.on-demand-variant.mode";

    /// <summary>The check that needs no original: run it before any I/O.</summary>
    public static void CheckRequest(OnDemandVariantMode mode, RequestedTransformation requested)
    {
        if (mode == OnDemandVariantMode.ProfileOnly && requested.HasExplicitParameters)
            throw new InvalidTransformationException(Rule,
                $"This path only serves variant profiles ({Rule} = profile_only): use profile=<name> instead of " +
                $"{string.Join(", ", requested.GivenParameters())}.");
    }

    /// <summary>
    /// Whether <c>Accept</c> may choose the format of this request, so that the answer must vary on it: nothing names
    /// the format, negotiation is allowed (<paramref name="acceptHeader"/> is null when a signed URL pins it), and the
    /// path may generate the negotiated variant. A request without parameters on a <c>profile_only</c> or
    /// <c>disabled</c> path is the original whatever the header says.
    /// </summary>
    public static bool Negotiates(OnDemandVariantMode mode, RequestedTransformation requested, VariantProfiles profiles, string? acceptHeader) =>
        acceptHeader is not null
        && (!requested.IsEmpty || mode == OnDemandVariantMode.Enabled)
        && TransformationNormalizer.WithProfile(requested, profiles).Format is null;

    /// <summary>
    /// The canonical variant to serve (null = the original), after the mode's checks. Without parameters the
    /// <c>Accept</c> header alone may ask for the original in another format, on <c>enabled</c> paths only. Under
    /// <c>disabled</c>, when the format was negotiated rather than named, the header chooses among the eager variants
    /// that match the request in everything but format, so a browser's header does not turn an eager variant into a
    /// refusal. <paramref name="refuseUnacceptable"/>: see <see cref="TransformationNormalizer.Normalize"/>.
    /// </summary>
    public static Transformation? Resolve(OnDemandVariantMode mode, RequestedTransformation requested, VariantProfiles profiles,
        ImageAttributes original, string? acceptHeader, IReadOnlyList<string> eagerVariants, IReadOnlyCollection<ImageFormat>? negotiable = null,
        bool refuseUnacceptable = true)
    {
        CheckRequest(mode, requested);
        if (requested.IsEmpty)
            return mode == OnDemandVariantMode.Enabled
                ? TransformationNormalizer.NegotiateOriginal(original, acceptHeader, negotiable, refuseUnacceptable)
                : null;
        var normalized = TransformationNormalizer.Normalize(requested, profiles, original, acceptHeader, negotiable, refuseUnacceptable);
        if (mode != OnDemandVariantMode.Disabled || normalized is null) return normalized;

        var eager = TransformationNormalizer.NormalizeProfiles(eagerVariants, profiles, original);
        if (eager.Contains(normalized)) return normalized;
        if (TransformationNormalizer.WithProfile(requested, profiles).Format is null)
        {
            var formats = eager.Select(e => e.Format).Distinct()
                .Where(f => negotiable is null || negotiable.Contains(f))
                .Where(f => TransformationNormalizer.Normalize(requested with { Format = f }, profiles, original, null) is { } t && eager.Contains(t))
                .ToArray();
            if (formats.Length > 0)
            {
                try
                {
                    var format = TransformationNormalizer.Negotiate(acceptHeader, original.Format, formats, refuseUnacceptable);
                    return TransformationNormalizer.Normalize(requested with { Format = format }, profiles, original, null);
                }
                catch (InvalidTransformationException)
                {
                    // None of them is acceptable: refused below like any other non-eager variant.
                }
            }
        }
        var names = eagerVariants.Count == 0 ? "this path has none" : "profiles " + string.Join(", ", eagerVariants);
        throw new InvalidTransformationException(Rule,
            $"On-demand variants are disabled for this path ({Rule} = disabled): only the original and the eager variants " +
            $"({names}) can be requested.");
    }
}
