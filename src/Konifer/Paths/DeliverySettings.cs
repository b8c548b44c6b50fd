namespace Konifer.Paths;

/// <summary>
/// <c>delivery</c>: how a <c>link</c> and a <c>redirect</c> point at the delivered variant. <see cref="TemplateString"/>
/// may hold the placeholders <c>{bucket}</c> and <c>{key}</c>; <see cref="PresignedTtl"/> matters only for
/// <see cref="DeliveryStrategy.Presigned"/>, and is then checked (more than zero, at most seven days), as in the reference.
/// </summary>
public sealed record DeliverySettings(DeliveryStrategy Strategy, string TemplateString, TimeSpan PresignedTtl)
{
    public const string DefaultTemplateString = "http://localhost";
    public static readonly TimeSpan DefaultPresignedTtl = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan MaxPresignedTtl = TimeSpan.FromDays(7);

    public static DeliverySettings Default { get; } = new(DeliveryStrategy.Service, DefaultTemplateString, DefaultPresignedTtl);

    private static readonly string[] ForbiddenSchemes = ["javascript:", "vbscript:", "data:"];

    /// <summary>The template with every <c>{bucket}</c> and <c>{key}</c> replaced as they are (no URL encoding, as the reference).</summary>
    public string ResolveTemplate(string bucket, string key) =>
        TemplateString.Replace("{bucket}", bucket, StringComparison.Ordinal).Replace("{key}", key, StringComparison.Ordinal);

    /// <summary>What is wrong with a template string, or null. Checked wherever it is set, even when another strategy is used.</summary>
    public static string? TemplateProblem(string templateString)
    {
        if (string.IsNullOrWhiteSpace(templateString)) return "must be populated";
        // Browsers ignore leading whitespace and control characters before a scheme, so do we when checking it.
        var schemeStart = templateString.TrimStart().TrimStart(templateString.Where(char.IsControl).ToArray());
        return ForbiddenSchemes.Any(scheme => schemeStart.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            ? $"cannot start with: [{string.Join(", ", ForbiddenSchemes)}]"
            : null;
    }

    /// <exception cref="InvalidPathSettingException">
    /// The template is blank or starts with a script or data scheme, or the strategy is presigned and the TTL is not
    /// above zero or longer than 7 days.
    /// </exception>
    public static DeliverySettings Create(DeliveryStrategy strategy, string templateString, TimeSpan presignedTtl)
    {
        if (TemplateProblem(templateString) is { } problem)
            throw new InvalidPathSettingException("template.string", problem);
        if (strategy == DeliveryStrategy.Presigned)
        {
            const string ttl = "presigned.ttl";
            if (presignedTtl <= TimeSpan.Zero)
                throw new InvalidPathSettingException(ttl, "Presigned TTL must be positive");
            if (presignedTtl > MaxPresignedTtl)
                throw new InvalidPathSettingException(ttl, "Presigned TTL cannot be greater than 7 days");
        }
        return new DeliverySettings(strategy, templateString, presignedTtl);
    }
}
