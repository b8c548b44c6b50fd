using Konifer.Core.Assets;
using Konifer.Paths;
using Konifer.Rules;

namespace Konifer.Search;

/// <summary>
/// Finds entries by meaning: a text runs through the text tower (as a rule prompt, with the same "this is a photo of"
/// template, since that is the sentence form SigLIP2 was trained to match), an entry's image through nothing (its
/// stored embedding); the store ranks the subtree's embeddings against it. Query texts are not cached: unlike rule
/// prompts they are unbounded, and the text tower is cheap next to the image tower.
/// </summary>
public sealed class SearchAssets(IEntryEmbeddings embeddings, IAssetEntries entries, ITextEmbedder textEmbedder, IImageEmbedder imageEmbedder,
    PathConfigurationResolver paths)
{
    /// <exception cref="BadRequestException">Neither or both of text and similar-to, a limit out of range, search off for the path, or no embedding yet.</exception>
    /// <exception cref="AssetNotFoundException">The similar-to entry does not exist.</exception>
    public async Task<IReadOnlyList<RankedAsset>> ExecuteAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = string.IsNullOrWhiteSpace(request.Text) ? null : request.Text.Trim();
        if (text is null && request.SimilarTo is null)
            throw new BadRequestException("Give what to search for: q=<text>, or similar-to=<entry id> of an entry at this path.");
        if (text is not null && request.SimilarTo is not null)
            throw new BadRequestException("Give either q or similar-to, not both.");
        if (request.Limit is < 1 or > SearchRequest.MaxLimit)
            throw new BadRequestException($"limit must be between 1 and {SearchRequest.MaxLimit} (got {request.Limit}).");
        if (!paths.Resolve(request.Path).Search.Enabled)
            throw new BadRequestException($"Search is not enabled for {request.Path}: set search.enabled = true in a paths block that applies to it.");

        var model = imageEmbedder.Model;
        if (text is not null)
        {
            var vectors = await textEmbedder.EmbedPromptsAsync([RulePrompt.Normalize(text)], cancellationToken).ConfigureAwait(false);
            return await embeddings.RankAsync(new SimilarityQuery(model, request.Path, vectors[0], request.Limit), cancellationToken).ConfigureAwait(false);
        }

        var entryId = request.SimilarTo!.Value;
        var found = await entries.FindAsync(request.Path, AssetQuery.Entry(entryId), cancellationToken).ConfigureAwait(false);
        var origin = found.Count > 0 ? found[0] : throw new AssetNotFoundException(request.Path, entryId);
        var vector = await embeddings.FindAsync(origin.Id, model, cancellationToken).ConfigureAwait(false)
            ?? throw new BadRequestException($"Entry {entryId} at {request.Path} has no image embedding yet (stored before search was enabled): the backfill adds it shortly.");
        return await embeddings.RankAsync(new SimilarityQuery(model, request.Path, vector, request.Limit, origin.Id), cancellationToken).ConfigureAwait(false);
    }
}
