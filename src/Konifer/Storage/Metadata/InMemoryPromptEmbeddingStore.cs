using System.Collections.Concurrent;
using Konifer.Rules;

namespace Konifer.Storage.Metadata;

/// <summary>Prompt embeddings for the in-memory data store: kept for the life of the process.</summary>
public sealed class InMemoryPromptEmbeddingStore : IPromptEmbeddingStore
{
    private readonly ConcurrentDictionary<(string Model, string Prompt), float[]> embeddings = new();

    public Task<IReadOnlyDictionary<string, float[]>> FindAsync(string model, IReadOnlyCollection<string> prompts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        var found = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var prompt in prompts)
            if (embeddings.TryGetValue((model, prompt), out var vector)) found[prompt] = (float[])vector.Clone();
        return Task.FromResult<IReadOnlyDictionary<string, float[]>>(found);
    }

    public Task SaveAsync(string model, IReadOnlyDictionary<string, float[]> embeddings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        foreach (var (prompt, vector) in embeddings) this.embeddings.TryAdd((model, prompt), (float[])vector.Clone());
        return Task.CompletedTask;
    }
}
