using Konifer.Core.Assets;
using Konifer.Variants.Jobs;
using Npgsql;
using NpgsqlTypes;

namespace Konifer.Storage.Metadata.Postgres;

/// <summary>
/// The generation job queue in the table <c>generation_jobs</c> (migration 0010): takers lock due rows with
/// <c>FOR UPDATE SKIP LOCKED</c>, so any number of instances take disjoint jobs without waiting for each other, and
/// every change of a taken job is guarded by its owner, so a taker whose lease ran out cannot complete or release a job
/// another instance holds now.
/// </summary>
public sealed class PostgresGenerationJobQueue(NpgsqlDataSource dataSource) : IGenerationJobQueue
{
    // Only jobs of existing assets: the foreign key would refuse the others, failing the whole batch.
    private const string EnqueueSql = """
        INSERT INTO generation_jobs (asset_id, path_text, entry_id, transformation, enqueued_at)
        SELECT j.asset_id, j.path_text, j.entry_id, j.transformation, $5
        FROM unnest($1::uuid[], $2::text[], $3::bigint[], $4::jsonb[]) AS j (asset_id, path_text, entry_id, transformation)
        WHERE EXISTS (SELECT 1 FROM assets a WHERE a.id = j.asset_id)
        ON CONFLICT (asset_id, transformation) DO NOTHING
        """;

    private const string TakeSql = """
        UPDATE generation_jobs j SET attempts = j.attempts + 1, available_at = $2, owner = $3
        FROM (SELECT id FROM generation_jobs WHERE available_at <= $1
              ORDER BY available_at, id LIMIT $4 FOR UPDATE SKIP LOCKED) due
        WHERE j.id = due.id
        RETURNING j.id, j.asset_id, j.path_text, j.entry_id, j.transformation::text, j.attempts
        """;

    public async Task EnqueueAsync(IReadOnlyCollection<NewGenerationJob> jobs, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (jobs.Count == 0) return;
        await using var command = dataSource.CreateCommand(EnqueueSql);
        Add(command, jobs.Select(j => j.AssetId).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Uuid);
        Add(command, jobs.Select(j => j.Path.ToString()).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
        Add(command, jobs.Select(j => j.EntryId).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bigint);
        Add(command, jobs.Select(j => PostgresJson.Transformation(j.Transformation)).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Jsonb);
        Add(command, now.ToUniversalTime(), NpgsqlDbType.TimestampTz);
        await command.NonQueryAsync(dataSource, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<GenerationJob>> TakeAsync(string owner, int max, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        if (max == 0) return [];
        await using var command = dataSource.CreateCommand(TakeSql);
        Add(command, now.ToUniversalTime(), NpgsqlDbType.TimestampTz);
        Add(command, (now + lease).ToUniversalTime(), NpgsqlDbType.TimestampTz);
        Add(command, owner, NpgsqlDbType.Text);
        Add(command, max, NpgsqlDbType.Integer);
        await using var reader = await command.ReaderAsync(dataSource, cancellationToken).ConfigureAwait(false);
        var taken = new List<GenerationJob>();
        while (await reader.NextAsync(cancellationToken).ConfigureAwait(false))
            taken.Add(new GenerationJob(reader.GetInt64(0), reader.GetGuid(1), AssetPath.Parse(reader.GetString(2)), reader.GetInt64(3),
                PostgresJson.ReadTransformation(reader.GetString(4)), reader.GetInt32(5)));
        taken.Sort((a, b) => a.Id.CompareTo(b.Id));
        return taken;
    }

    public async Task<IReadOnlySet<long>> RenewAsync(string owner, IReadOnlyCollection<long> ids, DateTimeOffset leasedUntil, CancellationToken cancellationToken)
    {
        var held = new HashSet<long>();
        if (ids.Count == 0) return held;
        await using var command = dataSource.CreateCommand("UPDATE generation_jobs SET available_at = $3 WHERE owner = $1 AND id = ANY($2) RETURNING id");
        Add(command, owner, NpgsqlDbType.Text);
        Add(command, ids.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bigint);
        Add(command, leasedUntil.ToUniversalTime(), NpgsqlDbType.TimestampTz);
        await using var reader = await command.ReaderAsync(dataSource, cancellationToken).ConfigureAwait(false);
        while (await reader.NextAsync(cancellationToken).ConfigureAwait(false)) held.Add(reader.GetInt64(0));
        return held;
    }

    public async Task<bool> CompleteAsync(long id, string owner, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM generation_jobs WHERE id = $1 AND owner = $2");
        Add(command, id, NpgsqlDbType.Bigint);
        Add(command, owner, NpgsqlDbType.Text);
        return await command.NonQueryAsync(dataSource, cancellationToken).ConfigureAwait(false) > 0;
    }

    public async Task<bool> RetryLaterAsync(long id, string owner, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("UPDATE generation_jobs SET owner = NULL, available_at = $3 WHERE id = $1 AND owner = $2");
        Add(command, id, NpgsqlDbType.Bigint);
        Add(command, owner, NpgsqlDbType.Text);
        Add(command, dueAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
        return await command.NonQueryAsync(dataSource, cancellationToken).ConfigureAwait(false) > 0;
    }

    public async Task ReleaseAsync(string owner, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return;
        await using var command = dataSource.CreateCommand("""
            UPDATE generation_jobs SET owner = NULL, available_at = '-infinity', attempts = greatest(attempts - 1, 0)
            WHERE owner = $1 AND id = ANY($2)
            """);
        Add(command, owner, NpgsqlDbType.Text);
        Add(command, ids.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bigint);
        await command.NonQueryAsync(dataSource, cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*)::int FROM generation_jobs");
        return (int)(await command.ScalarAsync(dataSource, cancellationToken).ConfigureAwait(false))!;
    }

    private static void Add(NpgsqlCommand command, object value, NpgsqlDbType type) =>
        command.Parameters.Add(new NpgsqlParameter { Value = value, NpgsqlDbType = type });
}
