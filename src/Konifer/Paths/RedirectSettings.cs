using Konifer.Configuration;

namespace Konifer.Paths;

/// <summary>
/// <c>return-format.redirect</c>: how the <c>redirect</c> return format answers. <see cref="TemplateString"/> may
/// hold the placeholders <c>{bucket}</c> and <c>{key}</c>; <see cref="PresignedTtl"/> is at most seven days.
/// </summary>
public sealed record RedirectSettings(RedirectStrategy Strategy, string TemplateString, TimeSpan PresignedTtl)
{
    public const string DefaultTemplateString = "localhost";
    public static readonly TimeSpan DefaultPresignedTtl = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan MaxPresignedTtl = TimeSpan.FromDays(7);

    public static RedirectSettings Default { get; } = new(RedirectStrategy.None, DefaultTemplateString, DefaultPresignedTtl);

    private static readonly string[] ForbiddenSchemes = ["javascript:", "vbscript:", "data:"];

    private static readonly (string, RedirectStrategy)[] Strategies =
    [
        ("none", RedirectStrategy.None), ("presigned", RedirectStrategy.Presigned), ("template", RedirectStrategy.Template),
    ];

    /// <summary>The template with <c>{bucket}</c> and <c>{key}</c> replaced.</summary>
    public string ResolveTemplate(string bucket, string key) =>
        TemplateString.Replace("{bucket}", bucket, StringComparison.Ordinal).Replace("{key}", key, StringComparison.Ordinal);

    internal static RedirectSettings Read(ConfigSection section)
    {
        var strategy = section.Choice("strategy", Strategies) ?? RedirectStrategy.None;

        var templateKey = section.Section("template").KeyOf("string");
        var template = section.Section("template").String("string") ?? DefaultTemplateString;
        if (string.IsNullOrWhiteSpace(template))
            throw new ConfigurationException(templateKey, "cannot be empty");
        // Browsers ignore leading whitespace and control characters before a scheme, so do we when checking it.
        var schemeStart = template.TrimStart().TrimStart(template.Where(char.IsControl).ToArray());
        foreach (var scheme in ForbiddenSchemes)
            if (schemeStart.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
                throw new ConfigurationException(templateKey, $"a redirect template cannot use the '{scheme}' scheme");

        var ttlKey = section.Section("presigned").KeyOf("ttl");
        var ttl = section.Section("presigned").Duration("ttl") ?? DefaultPresignedTtl;
        if (ttl <= TimeSpan.Zero)
            throw new ConfigurationException(ttlKey, "must be longer than zero");
        if (ttl > MaxPresignedTtl)
            throw new ConfigurationException(ttlKey, "cannot be longer than 7 days (7d)");

        return new RedirectSettings(strategy, template, ttl);
    }
}
