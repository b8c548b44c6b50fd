namespace Konifer.Rules;

/// <summary>
/// Where prompt embeddings are kept between restarts (PostgreSQL's <c>prompt_embedding</c> table; process memory for
/// the in-memory store), so that the text tower runs once per prompt and model, not once per upload.
/// </summary>
public interface IPromptEmbeddingStore
{
    /// <summary>The embeddings already stored for those of <paramref name="prompts"/> that have one.</summary>
    Task<IReadOnlyDictionary<string, float[]>> FindAsync(string model, IReadOnlyCollection<string> prompts, CancellationToken cancellationToken);

    /// <summary>Stores embeddings; a prompt already stored keeps its first embedding (several instances may race).</summary>
    Task SaveAsync(string model, IReadOnlyDictionary<string, float[]> embeddings, CancellationToken cancellationToken);
}
