namespace Konifer.Rules;

/// <summary>The text tower of the rule model: prompts in, one unit-length embedding per prompt out, in order.</summary>
public interface ITextEmbedder
{
    /// <summary>The same name as the image tower's <see cref="IImageEmbedder.Model"/>.</summary>
    string Model { get; }

    /// <param name="prompts">Normalized prompts (<see cref="RulePrompt.Normalize"/>: trimmed, lower-case, with the template prefix).</param>
    Task<IReadOnlyList<float[]>> EmbedPromptsAsync(IReadOnlyList<string> prompts, CancellationToken cancellationToken);
}
