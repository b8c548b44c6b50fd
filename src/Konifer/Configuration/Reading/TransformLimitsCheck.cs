using Konifer.Paths;
using Konifer.Transformations;

namespace Konifer.Configuration.Reading;

/// <summary>
/// The start-up half of <c>transform.limits</c>: a path's preprocessing (when enabled) and each of its eager variants
/// must not ask, in what the configuration alone says, for more than the path allows. The reference's messages.
/// </summary>
internal static class TransformLimitsCheck
{
    public static void Check(ConfigReader block, PathConfiguration configuration, VariantProfiles profiles)
    {
        var limits = configuration.TransformLimits;
        if (configuration.Preprocessing.Enabled
            && limits.ConfiguredViolation(TransformationRequest.ParsePreprocessing(configuration.Preprocessing.Parameters)) is { } problem)
            throw block.Error("transform.preprocessing", $"Preprocessing validation failed: {problem}");
        foreach (var name in configuration.EagerVariants)
        {
            if (!profiles.TryGet(name, out var parameters)) continue;
            if (limits.ConfiguredViolation(TransformationRequest.ParseProfile(parameters)) is { } eager)
                throw block.Error("transform.eager-variants", $"Eager variant '{name}' validation failed: {eager}");
        }
    }
}
