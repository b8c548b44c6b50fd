using Konifer.Paths;

namespace Konifer.Configuration.Reading;

/// <summary>
/// A path block's <c>limits</c> (the largest supplied image) and <c>transform.limits</c> (the largest variant). Each
/// key is inherited on its own; sides and pages are whole numbers above zero, pixels are pixel counts (<c>12MP</c>).
/// </summary>
internal static class LimitsReader
{
    public static PathSettings Read(ConfigReader block, PathSettings settings)
    {
        var limits = block.Section("limits");
        var output = block.Section("transform").Section("limits");
        return settings with
        {
            LimitsMaxWidth = limits.Int("max-width", 1, int.MaxValue),
            LimitsMaxHeight = limits.Int("max-height", 1, int.MaxValue),
            LimitsMaxPixels = limits.Pixels("max-pixels"),
            LimitsMaxPages = limits.Int("max-pages", 1, int.MaxValue),
            LimitsMaxPixelsPerPage = limits.Pixels("max-pixels-per-page"),
            TransformMaxWidth = output.Int("max-width", 1, int.MaxValue),
            TransformMaxHeight = output.Int("max-height", 1, int.MaxValue),
            TransformMaxPixels = output.Pixels("max-pixels"),
        };
    }
}
