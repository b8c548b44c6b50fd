using Konifer.Rules;
using Konifer.Storage.Metadata;
using Konifer.Storage.Metadata.Postgres;
using Konifer.Tests.Storage.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Konifer.Tests.Storage.Postgres;

/// <summary>The prompt-embedding contract against a real PostgreSQL (table of migration 0006).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresPromptEmbeddingStoreTests(PostgresServer server) : PromptEmbeddingStoreContract
{
    protected override IPromptEmbeddingStore CreateStore() => new PostgresPromptEmbeddingStore(server.DataSource);

    [Fact]
    public async Task Rows_get_time_ordered_ids_and_the_reference_s_unique_key()
    {
        var model = "ROWS_" + Guid.NewGuid().ToString("N");
        await CreateStore().SaveAsync(model, new Dictionary<string, float[]> { ["a"] = [1f] }, CancellationToken.None);

        await using var command = server.DataSource.CreateCommand(
            "SELECT id, (SELECT indexdef FROM pg_indexes WHERE indexname = 'prompt_embedding_cache_uq') FROM prompt_embedding WHERE model = $1");
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = model });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(7, reader.GetGuid(0).Version);
        Assert.Contains("(model, prompt_text)", reader.GetString(1), StringComparison.Ordinal);
    }

    [Fact]
    public void The_postgresql_registration_uses_the_table_and_the_in_memory_one_process_memory()
    {
        var settings = new Konifer.Configuration.PostgreSqlSettings("localhost", 5432, "konifer", "konifer", "", "disable");
        using var postgres = new ServiceCollection().AddLogging().AddPostgresMetadataStore(settings).BuildServiceProvider();
        using var memory = new ServiceCollection().AddMetadataStore<InMemoryAssetRepository>().BuildServiceProvider();

        Assert.IsType<PostgresPromptEmbeddingStore>(postgres.GetRequiredService<IPromptEmbeddingStore>());
        Assert.IsType<InMemoryPromptEmbeddingStore>(memory.GetRequiredService<IPromptEmbeddingStore>());
    }
}
