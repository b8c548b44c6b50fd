using Konifer.Core.Assets;
using Konifer.Storage.Metadata.Postgres;
using Npgsql;
using NpgsqlTypes;

namespace Konifer.Tests.Storage.Postgres;

/// <summary>PostgreSQL accepts every encoded path as an ltree and keeps its levels, text and ancestry.</summary>
[Collection(PostgresCollection.Name)]
public sealed class LtreePathDatabaseTests(PostgresServer server)
{
    [Fact]
    public async Task Random_encoded_paths_are_valid_ltrees_that_decode_to_the_same_path()
    {
        var segments = LtreePathTests.RandomSegments(600, seed: 15).ToArray();
        var paths = segments.Chunk(3).Select(AssetPath.FromSegments).Append(AssetPath.FromSegments([LtreePathTests.Alphabet])).ToArray();
        var encoded = paths.Select(LtreePath.Encode).ToArray();

        await using var command = server.DataSource.CreateCommand(
            "SELECT p::ltree::text, nlevel(p::ltree) FROM unnest($1) WITH ORDINALITY AS t(p, i) ORDER BY i");
        command.Parameters.Add(new NpgsqlParameter { Value = encoded, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync();
        var row = 0;
        while (await reader.ReadAsync())
        {
            Assert.Equal(encoded[row], reader.GetString(0));
            Assert.Equal(encoded[row].Split('.').Length, reader.GetInt32(1));
            Assert.Equal(paths[row], LtreePath.Decode(reader.GetString(0)));
            row++;
        }
        Assert.Equal(paths.Length, row);
    }

    [Theory]
    [InlineData("/a/b", "/a/b/c", true)]
    [InlineData("/a/b", "/a/b", true)]
    [InlineData("/a/b", "/a/bc", false)]
    [InlineData("/a/b-", "/a/b-/x", true)]
    [InlineData("/a/b-", "/a/b_/x", false)]
    [InlineData("/a/B", "/a/b/x", false)]
    [InlineData("/x_y", "/x__y", false)]
    [InlineData("/a/_Z", "/a/_Z/b", true)]
    public async Task Ancestry_in_the_database_matches_the_paths(string ancestor, string path, bool expected)
    {
        Assert.Equal(expected, await IsAncestorInDatabaseAsync(AssetPath.Parse(ancestor), AssetPath.Parse(path)));
        Assert.Equal(expected, AssetPath.Parse(path).IsSameOrDescendantOf(AssetPath.Parse(ancestor)));
    }

    [Fact]
    public async Task Ancestry_holds_for_segments_that_span_several_labels()
    {
        var longSegment = new string('b', 249) + "-----"; // 264 characters escaped: two labels
        var firstLabelText = LtreePath.DecodeSegment(LtreePath.EncodeSegment(longSegment).Split('.')[0].Replace("_Z", "", StringComparison.Ordinal));
        var path = AssetPath.FromSegments(["a", longSegment, "c"]);

        Assert.True(await IsAncestorInDatabaseAsync(AssetPath.FromSegments(["a", longSegment]), path));
        Assert.False(await IsAncestorInDatabaseAsync(AssetPath.FromSegments(["a", firstLabelText]), path));
        Assert.False(await IsAncestorInDatabaseAsync(AssetPath.FromSegments(["a", longSegment + "x"]), path));
        Assert.False(await IsAncestorInDatabaseAsync(AssetPath.FromSegments(["a", longSegment]), AssetPath.FromSegments(["a", longSegment + "x"])));
    }

    private async Task<bool> IsAncestorInDatabaseAsync(AssetPath ancestor, AssetPath path)
    {
        await using var command = server.DataSource.CreateCommand("SELECT $1::ltree <@ $2::ltree");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = LtreePath.Encode(path) });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = LtreePath.Encode(ancestor) });
        return (bool)(await command.ExecuteScalarAsync())!;
    }
}
