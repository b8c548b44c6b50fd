namespace Konifer.Rules;

/// <summary>
/// A rule's prompt as the text tower sees it and as it is cached: trimmed, lower-case, and completing the model's
/// template "this is a photo of …" (the reference's normalization, so cached embeddings and thresholds match).
/// </summary>
public static class RulePrompt
{
    public const string Template = "this is a photo of ";

    public static string Normalize(string prompt)
    {
        var text = prompt.Trim().ToLowerInvariant();
        return text.StartsWith(Template, StringComparison.Ordinal) ? text : Template + text;
    }

    /// <summary>The prompt as reported back to clients: without the template prefix.</summary>
    public static string Display(string normalized) =>
        normalized.StartsWith(Template, StringComparison.Ordinal) ? normalized[Template.Length..] : normalized;
}
