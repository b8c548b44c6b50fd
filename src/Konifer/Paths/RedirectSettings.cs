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

    /// <summary>The template with <c>{bucket}</c> and <c>{key}</c> replaced.</summary>
    public string ResolveTemplate(string bucket, string key) =>
        TemplateString.Replace("{bucket}", bucket, StringComparison.Ordinal).Replace("{key}", key, StringComparison.Ordinal);

    /// <exception cref="InvalidPathSettingException">
    /// The template is empty or starts with a script or data scheme, or the TTL is not above zero or longer than 7 days.
    /// </exception>
    public static RedirectSettings Create(RedirectStrategy strategy, string templateString, TimeSpan presignedTtl)
    {
        const string template = "template.string";
        if (string.IsNullOrWhiteSpace(templateString))
            throw new InvalidPathSettingException(template, "cannot be empty");
        // Browsers ignore leading whitespace and control characters before a scheme, so do we when checking it.
        var schemeStart = templateString.TrimStart().TrimStart(templateString.Where(char.IsControl).ToArray());
        foreach (var scheme in ForbiddenSchemes)
            if (schemeStart.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
                throw new InvalidPathSettingException(template, $"a redirect template cannot use the '{scheme}' scheme");

        const string ttl = "presigned.ttl";
        if (presignedTtl <= TimeSpan.Zero)
            throw new InvalidPathSettingException(ttl, "must be longer than zero");
        if (presignedTtl > MaxPresignedTtl)
            throw new InvalidPathSettingException(ttl, "cannot be longer than 7 days (7d)");

        return new RedirectSettings(strategy, templateString, presignedTtl);
    }
}
