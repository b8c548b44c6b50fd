using Konifer.Core.Assets;
using Konifer.Core.Storage;
using Konifer.Rules;
using Microsoft.Extensions.Logging;

namespace Konifer.Search;

/// <summary>
/// Gives stored entries their image embedding for search: at upload (reusing the one the rules computed, else one run
/// of the image tower on the stored original) and in the backfill (the original read back from the object store).
/// A failure here never fails the upload: the entry is stored and answered, and the backfill embeds it later.
/// </summary>
public sealed partial class EntryEmbedding(IEntryEmbeddings embeddings, IImageEmbedder imageEmbedder, IObjectStore objectStore, ILogger<EntryEmbedding> logger)
{
    /// <summary>The model whose embeddings are kept (<see cref="IImageEmbedder.Model"/>).</summary>
    public string Model => imageEmbedder.Model;

    /// <summary>Embeds (unless <paramref name="computed"/> is given) and saves a just-stored entry's embedding; failures are logged, not thrown.</summary>
    /// <param name="contentFile">The stored original as a local file.</param>
    public async Task<bool> TryKeepAsync(Asset asset, string contentFile, float[]? computed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(asset);
        try
        {
            var vector = computed ?? await imageEmbedder.EmbedImageAsync(contentFile, cancellationToken).ConfigureAwait(false);
            await embeddings.SaveAsync(asset.Id, imageEmbedder.Model, vector, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogNotKept(logger, e, asset.Path, asset.EntryId);
            return false;
        }
    }

    /// <summary>Embeds a stored entry from its original in the object store and saves it; exceptions propagate (the backfill backs off).</summary>
    /// <returns>False when the original is gone (the entry is being deleted).</returns>
    public async Task<bool> EmbedStoredAsync(Asset asset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(asset);
        await using var stored = await objectStore.GetAsync(asset.Original.Location, cancellationToken).ConfigureAwait(false);
        if (stored is null) return false;
        await using var file = await TemporaryFile.CopyFromAsync(stored.Content, long.MaxValue,
            _ => new InvalidOperationException("unreachable"), cancellationToken).ConfigureAwait(false);
        var vector = await imageEmbedder.EmbedImageAsync(file.FilePath, cancellationToken).ConfigureAwait(false);
        await embeddings.SaveAsync(asset.Id, imageEmbedder.Model, vector, cancellationToken).ConfigureAwait(false);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The image embedding of {Path} entry {EntryId} was not saved; the search backfill will add it")]
    private static partial void LogNotKept(ILogger logger, Exception exception, AssetPath path, long entryId);
}
