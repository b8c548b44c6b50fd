namespace Konifer.Rules;

/// <summary>
/// The towers when no rule definition and no rule-evaluation API is configured: no model is loaded, and the
/// configuration reader lets no ruleset name a rule, so nothing calls these.
/// </summary>
internal sealed class NoRuleModel : IImageEmbedder, ITextEmbedder
{
    private const string Message = "No rule-definitions and no api.rule-evaluation are configured, so no rule model is loaded.";

    public string Model => "none";

    public Task<float[]> EmbedImageAsync(string imageFile, CancellationToken cancellationToken) =>
        Task.FromException<float[]>(new InvalidOperationException(Message));

    public Task<IReadOnlyList<float[]>> EmbedPromptsAsync(IReadOnlyList<string> prompts, CancellationToken cancellationToken) =>
        Task.FromException<IReadOnlyList<float[]>>(new InvalidOperationException(Message));
}
