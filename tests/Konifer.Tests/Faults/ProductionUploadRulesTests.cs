using Konifer.Tests.Inference;
using Konifer.Tests.Storage.Postgres;
using Konifer.Tests.Storage.S3;
using Konifer.Tests.TestSupport;
using Npgsql;

namespace Konifer.Tests.Faults;

/// <summary>The upload-rules walk on PostgreSQL and S3, and the prompt embeddings kept in PostgreSQL across restarts.</summary>
[Collection(FaultsCollection.Name)]
public sealed class ProductionUploadRulesTests(PostgresServer postgres, S3Server s3, TinySiglip2 model) : IClassFixture<TinySiglip2>
{
    /// <summary>The distinct prompts of <see cref="UploadRulesWalk.Config"/>, normalized as they are stored.</summary>
    private static readonly string[] Prompts =
        ["this is a photo of a bright white picture", "this is a photo of snow", "this is a photo of anything", "this is a photo of glare"];

    [Fact]
    public async Task Rules_refuse_accept_and_label_on_PostgreSQL_and_S3()
    {
        await using var server = await KoniferTestServer.StartAsync(
            ProductionStores.Config(await postgres.CreateDatabaseAsync(withLtree: true), s3.Endpoint, UploadRulesWalk.Config(model.Directory)));
        await UploadRulesWalk.RejectRulesAsync(server.Client);
        await UploadRulesWalk.AcceptRulesAsync(server.Client);
        await UploadRulesWalk.ModifyRulesAsync(server.Client);
        await UploadRulesWalk.UrlSourcesAndPreprocessingAsync(server.Client);
    }

    [Fact]
    public async Task Configured_prompts_are_embedded_once_at_start_up_and_read_back_from_the_table_after_a_restart()
    {
        var database = await postgres.CreateDatabaseAsync(withLtree: true);
        var config = ProductionStores.Config(database, s3.Endpoint, UploadRulesWalk.Config(model.Directory));
        await using var dataSource = NpgsqlDataSource.Create(database);

        await using (var first = await KoniferTestServer.StartAsync(config))
        {
            // The warm-up runs in the background; no upload is needed for it.
            var stored = await Eventually.UntilAsync(() => StoredPromptsAsync(dataSource), p => p.Count == Prompts.Length,
                TimeSpan.FromSeconds(30), "the configured prompts in prompt_embedding");
            Assert.Equal(Prompts.Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
            await UploadRulesWalk.RefusedAsync(first.Client, "/plain/a", UploadRulesWalk.White, UploadRulesWalk.RejectedMessage);
        }

        // Point the "bright" prompts the other way: a server that reads the table, rather than embedding again, now
        // finds the white picture dark.
        await using (var flip = dataSource.CreateCommand(
            "UPDATE prompt_embedding SET embedding = ARRAY(SELECT -e FROM unnest(embedding) AS e) WHERE prompt_text IN ($1, $2)"))
        {
            flip.Parameters.AddWithValue(Prompts[0]);
            flip.Parameters.AddWithValue(Prompts[1]);
            Assert.Equal(2, await flip.ExecuteNonQueryAsync());
        }

        await using var second = await KoniferTestServer.StartAsync(config);
        await second.Client.StoreAsync("/plain/a", UploadRulesWalk.White);
        await UploadRulesWalk.RefusedAsync(second.Client, "/plain/b", UploadRulesWalk.Black, UploadRulesWalk.RejectedMessage);
        Assert.Equal(Prompts.Length, (await StoredPromptsAsync(dataSource)).Count);
    }

    private static async Task<List<string>> StoredPromptsAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT prompt_text FROM prompt_embedding WHERE model = 'SIGLIP2_BASE_PATCH16_224_TEXT'");
        await using var reader = await command.ExecuteReaderAsync();
        var prompts = new List<string>();
        while (await reader.ReadAsync()) prompts.Add(reader.GetString(0));
        return prompts;
    }
}
