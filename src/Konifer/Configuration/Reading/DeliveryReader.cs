using Konifer.Paths;

namespace Konifer.Configuration.Reading;

/// <summary>
/// <c>delivery { strategy, presigned.ttl, template.string }</c> of one <c>paths</c> block. The older
/// <c>return-format.redirect { … }</c> (Konifer 0.10) is read in its place when the block has no <c>delivery</c>,
/// its <c>none</c> meaning <c>service</c>, with a deprecation warning.
/// </summary>
internal static class DeliveryReader
{
    private static readonly (string, DeliveryStrategy)[] Strategies =
        [("service", DeliveryStrategy.Service), ("presigned", DeliveryStrategy.Presigned), ("template", DeliveryStrategy.Template)];

    private static readonly (string, DeliveryStrategy)[] LegacyStrategies = [("none", DeliveryStrategy.Service), .. Strategies];

    public static PathSettings Read(ConfigReader block, PathSettings settings, ConfigurationWarnings? warnings)
    {
        var legacy = block.Section("return-format").Section("redirect");
        var legacyWritten = legacy.Node is { Count: > 0 };
        if (block.Mentions("delivery"))
        {
            if (legacyWritten)
            {
                warnings?.Add(legacy.Key, "is ignored: delivery is set in the same block");
                legacy.TakeWhole();
            }
            return Read(block.Section("delivery"), settings, Strategies);
        }
        if (!legacyWritten) return settings;
        warnings?.Add(legacy.Key, "is deprecated: write delivery { strategy, presigned.ttl, template.string } (strategy none is now service)");
        return Read(legacy, settings, LegacyStrategies);
    }

    private static PathSettings Read(ConfigReader delivery, PathSettings settings, (string, DeliveryStrategy)[] strategies) => settings with
    {
        DeliveryStrategy = delivery.Choice("strategy", strategies),
        DeliveryTemplate = Template(delivery.Section("template")),
        DeliveryPresignedTtl = delivery.Section("presigned").Duration("ttl"),
    };

    /// <summary>Checked where it is written, whichever strategy applies, so the message names the key as the user wrote it.</summary>
    private static string? Template(ConfigReader template)
    {
        var text = template.String("string");
        return text is not null && DeliverySettings.TemplateProblem(text) is { } problem ? throw template.Error("string", problem) : text;
    }
}
