using Konifer.Core.Assets;
using Konifer.Search;

namespace Konifer.Tests.Search;

/// <summary>The brute-force index: exact dot products, the best rows in order, subtree filtering, removal.</summary>
public sealed class VectorIndexTests
{
    private static readonly AssetPath Root = AssetPath.Parse("/r");

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(768)]
    [InlineData(1027)]
    public void The_dot_product_equals_the_plain_sum_at_any_length(int length)
    {
        var random = new Random(length);
        var a = Enumerable.Range(0, length).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
        var b = Enumerable.Range(0, length).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();

        var expected = a.Zip(b, (x, y) => (double)x * y).Sum();

        Assert.Equal(expected, VectorIndex.Dot(a, b), 4);
    }

    [Fact]
    public void Top_answers_the_best_rows_best_first_ties_by_id_and_no_more_than_there_are()
    {
        var index = new VectorIndex();
        var ids = Enumerable.Range(1, 5).Select(i => new Guid(i, 0, 0, new byte[8])).ToArray();
        index.Upsert(ids[0], Root, [0.1f, 0f]);
        index.Upsert(ids[1], Root, [0.9f, 0f]);
        index.Upsert(ids[2], Root, [0.5f, 0f]);
        index.Upsert(ids[3], Root, [0.5f, 0f]);
        index.Upsert(ids[4], Root, [-1f, 0f]);

        Assert.Equal([ids[1], ids[2], ids[3]], index.Top(Root, [1f, 0f], 3).Select(t => t.AssetId));
        Assert.Equal(5, index.Top(Root, [1f, 0f], 50).Count);
        Assert.Equal(-1, index.Top(Root, [1f, 0f], 50)[^1].Similarity, 6);
        Assert.Empty(index.Top(Root, [1f, 0f], 0));
    }

    [Fact]
    public void Rows_outside_the_subtree_excluded_or_of_another_length_are_skipped_and_removed_rows_are_gone()
    {
        var index = new VectorIndex();
        Guid inside = Guid.NewGuid(), below = Guid.NewGuid(), sibling = Guid.NewGuid(), shorter = Guid.NewGuid(), excluded = Guid.NewGuid();
        index.Upsert(inside, Root, [1f, 0f]);
        index.Upsert(below, AssetPath.Parse("/r/s/t"), [0.5f, 0f]);
        index.Upsert(sibling, AssetPath.Parse("/rs"), [1f, 0f]);
        index.Upsert(shorter, Root, [1f]);
        index.Upsert(excluded, Root, [1f, 0f]);

        Assert.Equal([inside, below], index.Top(Root, [1f, 0f], 10, excluded).Select(t => t.AssetId));

        index.Remove(inside);
        index.Remove(Guid.NewGuid());
        Assert.Equal([below], index.Top(Root, [1f, 0f], 10, excluded).Select(t => t.AssetId));
        Assert.Equal(4, index.Count);
        Assert.Null(index.Find(inside));
        Assert.Equal(new[] { 0.5f, 0f }, index.Find(below));
    }

    [Fact]
    public void Upserting_an_entry_again_replaces_its_row()
    {
        var index = new VectorIndex();
        var id = Guid.NewGuid();
        index.Upsert(id, Root, [1f, 0f]);

        index.Upsert(id, Root, [0f, 1f]);

        Assert.Equal(1, index.Count);
        Assert.Equal(1, index.Top(Root, [0f, 1f], 1)[0].Similarity, 6);
    }
}
