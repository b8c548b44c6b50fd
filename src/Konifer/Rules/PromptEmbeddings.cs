using Microsoft.Extensions.Logging;

namespace Konifer.Rules;

/// <summary>
/// The embeddings of normalized prompts: read from the store, and only the missing ones run through the text tower
/// (in batches) and saved, so that each prompt is embedded once per model, not once per upload. Embedding happens
/// under one lock that re-checks the store, so concurrent requests for a new prompt embed it once. A warm-up at
/// start-up embeds the configured prompts in the background; requests wait for it rather than racing it.
/// </summary>
public sealed partial class PromptEmbeddings(ITextEmbedder textEmbedder, IPromptEmbeddingStore store, ILogger<PromptEmbeddings> logger) : IDisposable
{
    /// <summary>Prompts per text-tower run, as the reference batches them.</summary>
    public const int BatchSize = 32;

    private readonly SemaphoreSlim embedding = new(1, 1);
    private Task warmUp = Task.CompletedTask;

    /// <summary>Starts embedding <paramref name="prompts"/> in the background; later requests wait for it to end.</summary>
    public Task StartWarmUp(IReadOnlyCollection<string> prompts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        if (prompts.Count == 0) return Task.CompletedTask;
        warmUp = Task.Run(() => WarmUpAsync(prompts, cancellationToken), CancellationToken.None);
        return warmUp;
    }

    private async Task WarmUpAsync(IReadOnlyCollection<string> prompts, CancellationToken cancellationToken)
    {
        try
        {
            await EmbedMissingAsync(prompts.Distinct(StringComparer.Ordinal).ToArray(), cancellationToken).ConfigureAwait(false);
            LogWarmedUp(logger, prompts.Count);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Requests retry the missing prompts themselves and report the error where it can be seen.
            LogWarmUpFailed(logger, e);
        }
    }

    /// <summary>The embedding of every one of <paramref name="prompts"/> (normalized, see <see cref="RulePrompt.Normalize"/>).</summary>
    public async Task<IReadOnlyDictionary<string, float[]>> GetAsync(IReadOnlyCollection<string> prompts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        await warmUp.WaitAsync(cancellationToken).ConfigureAwait(false);
        var wanted = prompts.Distinct(StringComparer.Ordinal).ToArray();
        var found = await store.FindAsync(textEmbedder.Model, wanted, cancellationToken).ConfigureAwait(false);
        if (found.Count == wanted.Length) return found;
        return await EmbedMissingAsync(wanted, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyDictionary<string, float[]>> EmbedMissingAsync(string[] prompts, CancellationToken cancellationToken)
    {
        await embedding.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another request may have embedded them while this one waited.
            var found = await store.FindAsync(textEmbedder.Model, prompts, cancellationToken).ConfigureAwait(false);
            var result = new Dictionary<string, float[]>(found, StringComparer.Ordinal);
            var missing = prompts.Where(p => !result.ContainsKey(p)).ToArray();
            foreach (var batch in missing.Chunk(BatchSize))
            {
                var embeddings = await textEmbedder.EmbedPromptsAsync(batch, cancellationToken).ConfigureAwait(false);
                if (embeddings.Count != batch.Length)
                    throw new InvalidOperationException($"The text model returned {embeddings.Count} embeddings for {batch.Length} prompts.");
                var added = new Dictionary<string, float[]>(batch.Length, StringComparer.Ordinal);
                for (var i = 0; i < batch.Length; i++) added[batch[i]] = embeddings[i];
                await store.SaveAsync(textEmbedder.Model, added, cancellationToken).ConfigureAwait(false);
                foreach (var (prompt, vector) in added) result[prompt] = vector;
            }
            if (missing.Length > 0) LogEmbedded(logger, missing.Length);
            return result;
        }
        finally
        {
            embedding.Release();
        }
    }

    public void Dispose() => embedding.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded {Count} new rule prompts")]
    private static partial void LogEmbedded(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rule prompt embeddings ready ({Count} prompts)")]
    private static partial void LogWarmedUp(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Embedding the configured rule prompts at start-up failed; requests will retry")]
    private static partial void LogWarmUpFailed(ILogger logger, Exception exception);
}
