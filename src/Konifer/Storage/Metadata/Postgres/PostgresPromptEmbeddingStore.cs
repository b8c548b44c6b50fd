using Konifer.Rules;
using Npgsql;
using NpgsqlTypes;

namespace Konifer.Storage.Metadata.Postgres;

/// <summary>
/// Prompt embeddings in the <c>prompt_embedding</c> table, shared by every instance: one query reads all the wanted
/// prompts, each new prompt is one insert, and a prompt another instance stored first keeps its embedding.
/// </summary>
public sealed class PostgresPromptEmbeddingStore(NpgsqlDataSource dataSource, TimeProvider timeProvider) : IPromptEmbeddingStore
{
    private const string FindSql = "SELECT prompt_text, embedding FROM prompt_embedding WHERE model = $1 AND prompt_text = ANY($2)";

    private const string SaveSql = """
        INSERT INTO prompt_embedding (id, model, prompt_text, embedding, created_at) VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (model, prompt_text) DO NOTHING
        """;

    public PostgresPromptEmbeddingStore(NpgsqlDataSource dataSource) : this(dataSource, TimeProvider.System) { }

    public async Task<IReadOnlyDictionary<string, float[]>> FindAsync(string model, IReadOnlyCollection<string> prompts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        var found = new Dictionary<string, float[]>(StringComparer.Ordinal);
        if (prompts.Count == 0) return found;
        await using var command = dataSource.CreateCommand(FindSql);
        command.Parameters.Add(new NpgsqlParameter { Value = model, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = prompts.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await using var reader = await command.ReaderAsync(dataSource, cancellationToken).ConfigureAwait(false);
        while (await reader.NextAsync(cancellationToken).ConfigureAwait(false))
            found[reader.GetString(0)] = reader.GetFieldValue<float[]>(1);
        return found;
    }

    public async Task SaveAsync(string model, IReadOnlyDictionary<string, float[]> embeddings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        if (embeddings.Count == 0) return;
        // One insert per prompt: new prompts are few (a warm-up or an ad-hoc evaluation), never per upload.
        var createdAt = timeProvider.GetUtcNow().UtcDateTime;
        foreach (var (prompt, vector) in embeddings)
        {
            await using var command = dataSource.CreateCommand(SaveSql);
            command.Parameters.Add(new NpgsqlParameter { Value = Guid.CreateVersion7(), NpgsqlDbType = NpgsqlDbType.Uuid });
            command.Parameters.Add(new NpgsqlParameter { Value = model, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = prompt, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = vector, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Real });
            command.Parameters.Add(new NpgsqlParameter { Value = createdAt, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            await command.NonQueryAsync(dataSource, cancellationToken).ConfigureAwait(false);
        }
    }
}
