using Konifer.Core.Assets;

namespace Konifer.Search;

/// <summary>
/// The image embeddings of stored entries, kept by the metadata store with the entries (deleted with them), and
/// ranked against a query vector. One row per entry: saving again replaces it (e.g. under a new model).
/// </summary>
public interface IEntryEmbeddings
{
    /// <summary>Saves (or replaces) the embedding of an entry; nothing happens when the entry no longer exists.</summary>
    Task SaveAsync(Guid assetId, string model, float[] embedding, CancellationToken cancellationToken);

    /// <summary>The entry's embedding under <paramref name="model"/>, or null when it has none yet.</summary>
    Task<float[]?> FindAsync(Guid assetId, string model, CancellationToken cancellationToken);

    /// <summary>
    /// The ready entries at the query's root path and below with an embedding under its model, most similar first
    /// (cosine, as the vectors are unit length), at most its limit. Deleted entries never come back.
    /// </summary>
    Task<IReadOnlyList<RankedAsset>> RankAsync(SimilarityQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Ready entries without an embedding under <paramref name="model"/>, by ascending id after <paramref name="after"/>
    /// (a cursor, <see cref="Guid.Empty"/> to start), at most <paramref name="count"/>: what the backfill embeds.
    /// </summary>
    Task<IReadOnlyList<Asset>> WithoutEmbeddingAsync(string model, Guid after, int count, CancellationToken cancellationToken);
}
