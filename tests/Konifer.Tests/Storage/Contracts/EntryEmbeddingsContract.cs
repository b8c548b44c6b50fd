using Konifer.Core.Assets;
using Konifer.Search;

namespace Konifer.Tests.Storage.Contracts;

/// <summary>
/// <see cref="IEntryEmbeddings"/>: saving, finding and ranking entry embeddings, on constructed unit vectors whose
/// cosines are known. Each test has its own model name and root path, so a shared database does not mix tests.
/// </summary>
public abstract class EntryEmbeddingsContract : MetadataStoreContract
{
    protected readonly string Model = "TEST_MODEL_" + Guid.NewGuid().ToString("N");

    protected IEntryEmbeddings Embeddings => (IEntryEmbeddings)Entries;

    private static readonly float Half = MathF.Sqrt(0.5f);

    /// <summary>A unit vector at <paramref name="degrees"/> from (1, 0, 0) in the first two axes: its cosine with (1, 0, 0) is cos(degrees).</summary>
    protected static float[] Angle(double degrees) =>
        [(float)Math.Cos(degrees * Math.PI / 180), (float)Math.Sin(degrees * Math.PI / 180), 0f];

    protected async Task<Asset> EmbeddedAsync(AssetPath path, float[] vector)
    {
        var asset = await StoreAsync(path);
        await Embeddings.SaveAsync(asset.Id, Model, vector, None);
        return asset;
    }

    protected Task<IReadOnlyList<RankedAsset>> RankAsync(AssetPath root, float[] query, int limit = 20, Guid? excluded = null) =>
        Embeddings.RankAsync(new SimilarityQuery(Model, root, query, limit, excluded), None);

    [Fact]
    public async Task Entries_rank_by_cosine_most_similar_first_with_their_similarity()
    {
        var far = await EmbeddedAsync(P("a"), Angle(80));
        var near = await EmbeddedAsync(P("a"), Angle(10));
        var middle = await EmbeddedAsync(P("a"), Angle(45));

        var ranked = await RankAsync(P("a"), Angle(0));

        Assert.Equal([near.Id, middle.Id, far.Id], ranked.Select(r => r.Asset.Id));
        Assert.Equal(Math.Cos(10 * Math.PI / 180), ranked[0].Similarity, 5);
        Assert.Equal(Half, ranked[1].Similarity, 5);
        Assert.Equal(Math.Cos(80 * Math.PI / 180), ranked[2].Similarity, 5);
        Assert.Equal(near.EntryId, ranked[0].Asset.EntryId);
        Assert.Single(ranked[0].Asset.Variants);
    }

    [Fact]
    public async Task Opposite_vectors_rank_last_with_a_negative_similarity()
    {
        var opposite = await EmbeddedAsync(P("a"), Angle(180));
        var same = await EmbeddedAsync(P("a"), Angle(0));

        var ranked = await RankAsync(P("a"), Angle(0));

        Assert.Equal([same.Id, opposite.Id], ranked.Select(r => r.Asset.Id));
        Assert.Equal(-1, ranked[1].Similarity, 5);
    }

    [Fact]
    public async Task Only_the_subtree_of_the_root_is_ranked()
    {
        var atRoot = await EmbeddedAsync(P("users"), Angle(30));
        var below = await EmbeddedAsync(P("users/1/avatar"), Angle(20));
        await EmbeddedAsync(P("usersx"), Angle(0)); // a sibling whose name starts like the root
        await EmbeddedAsync(P("other"), Angle(0));

        var ranked = await RankAsync(P("users"), Angle(0));

        Assert.Equal([below.Id, atRoot.Id], ranked.Select(r => r.Asset.Id));
        Assert.Equal([P("users/1/avatar"), P("users")], ranked.Select(r => r.Asset.Path));
    }

    [Fact]
    public async Task The_limit_keeps_the_best()
    {
        var best = await EmbeddedAsync(P("a"), Angle(5));
        var second = await EmbeddedAsync(P("a"), Angle(15));
        await EmbeddedAsync(P("a"), Angle(60));
        await EmbeddedAsync(P("a"), Angle(70));

        var ranked = await RankAsync(P("a"), Angle(0), limit: 2);

        Assert.Equal([best.Id, second.Id], ranked.Select(r => r.Asset.Id));
    }

    [Fact]
    public async Task The_excluded_entry_is_left_out()
    {
        var origin = await EmbeddedAsync(P("a"), Angle(0));
        var other = await EmbeddedAsync(P("a"), Angle(40));

        var ranked = await RankAsync(P("a"), Angle(0), excluded: origin.Id);

        Assert.Equal([other.Id], ranked.Select(r => r.Asset.Id));
    }

    [Fact]
    public async Task Deleted_entries_are_never_returned_and_the_next_ones_take_their_place()
    {
        var best = await EmbeddedAsync(P("a"), Angle(0));
        var second = await EmbeddedAsync(P("a/b"), Angle(10));
        var third = await EmbeddedAsync(P("a"), Angle(20));
        Assert.Equal(3, (await RankAsync(P("a"), Angle(0))).Count);

        await Entries.DeleteAsync(P("a"), AssetQuery.Entry(best.EntryId), None);
        await Entries.DeleteRecursiveAsync(P("a/b"), new Dictionary<string, string>(), None);

        var ranked = await RankAsync(P("a"), Angle(0), limit: 1);
        Assert.Equal([third.Id], ranked.Select(r => r.Asset.Id));
        Assert.Null(await Embeddings.FindAsync(best.Id, Model, None));
        Assert.Null(await Embeddings.FindAsync(second.Id, Model, None));
    }

    [Fact]
    public async Task Entries_without_an_embedding_or_of_another_model_are_not_ranked()
    {
        await StoreAsync(P("a"));
        var other = await StoreAsync(P("a"));
        await Embeddings.SaveAsync(other.Id, Model + "_OTHER", Angle(0), None);

        Assert.Empty(await RankAsync(P("a"), Angle(0)));
    }

    [Fact]
    public async Task A_saved_embedding_is_found_with_its_exact_values_and_saving_again_replaces_it()
    {
        var asset = await StoreAsync(P("a"));
        float[] first = [0.6f, -0.8f, 1e-7f], second = [0f, 0f, 1f];
        Assert.Null(await Embeddings.FindAsync(asset.Id, Model, None));

        await Embeddings.SaveAsync(asset.Id, Model, first, None);
        Assert.Equal(first, await Embeddings.FindAsync(asset.Id, Model, None));

        await Embeddings.SaveAsync(asset.Id, Model, second, None);
        Assert.Equal(second, await Embeddings.FindAsync(asset.Id, Model, None));
        Assert.Null(await Embeddings.FindAsync(asset.Id, Model + "_OTHER", None));
        Assert.Equal([asset.Id], (await RankAsync(P("a"), [0f, 0f, 1f])).Select(r => r.Asset.Id));
    }

    [Fact]
    public async Task Saving_for_a_deleted_entry_does_nothing()
    {
        var asset = await StoreAsync(P("a"));
        await Entries.DeleteAsync(P("a"), AssetQuery.Entry(asset.EntryId), None);

        await Embeddings.SaveAsync(asset.Id, Model, Angle(0), None);

        Assert.Null(await Embeddings.FindAsync(asset.Id, Model, None));
    }

    [Fact]
    public async Task Ready_entries_without_an_embedding_are_listed_in_pages_for_the_backfill()
    {
        var embedded = await EmbeddedAsync(P("a"), Angle(0));
        var missing = new List<Guid>();
        for (var i = 0; i < 5; i++) missing.Add((await StoreAsync(P(i % 2 == 0 ? "a" : "b/c"))).Id);
        var pending = await Entries.CreatePendingAsync(Pending(P("a")), None);

        // Pages of 2 through every store's rows (a shared database has other tests' too): each row once, in cursor order.
        var seen = new List<Guid>();
        var after = Guid.Empty;
        while (true)
        {
            var page = await Embeddings.WithoutEmbeddingAsync(Model, after, 1000, None);
            if (page.Count == 0) break;
            seen.AddRange(page.Select(a => a.Id));
            after = page[^1].Id;
        }

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(missing.Order(), seen.Where(missing.Contains).Order());
        Assert.DoesNotContain(embedded.Id, seen);
        Assert.DoesNotContain(pending.Id, seen);
        var small = await Embeddings.WithoutEmbeddingAsync(Model, Guid.Empty, 2, None);
        Assert.Equal(2, small.Count);
    }
}
