using Konifer.Core.Storage;
using NpgsqlTypes;

namespace Konifer.Storage.Metadata.Postgres;

/// <summary>The object deletion outbox, written by the other roles in the statements that remove records.</summary>
public sealed partial class PostgresAssetRepository : IObjectDeletionOutbox
{
    private const string ClaimDueSql = """
        UPDATE object_deletion_outbox o SET attempts = o.attempts + 1, next_attempt_at = $2
        FROM (SELECT id FROM object_deletion_outbox WHERE next_attempt_at <= $1
              ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED) due
        WHERE o.id = due.id
        RETURNING o.id, o.bucket, o.object_key, o.attempts
        """;

    public async Task<IReadOnlyList<PendingDeletion>> ClaimDueAsync(int max, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        await using var command = dataSource.CreateCommand(ClaimDueSql);
        Add(command, now.ToUniversalTime(), NpgsqlDbType.TimestampTz);
        Add(command, (now + lease).ToUniversalTime(), NpgsqlDbType.TimestampTz);
        Add(command, max, NpgsqlDbType.Integer);
        await using var reader = await command.ReaderAsync(dataSource, cancellationToken).ConfigureAwait(false);
        var claimed = new List<PendingDeletion>();
        while (await reader.NextAsync(cancellationToken).ConfigureAwait(false))
            claimed.Add(new PendingDeletion(reader.GetInt64(0), new ObjectLocation(reader.GetString(1), reader.GetString(2)), reader.GetInt32(3)));
        claimed.Sort((a, b) => a.Id.CompareTo(b.Id));
        return claimed;
    }

    public async Task CompleteAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM object_deletion_outbox WHERE id = $1");
        Add(command, id, NpgsqlDbType.Bigint);
        await command.NonQueryAsync(dataSource, cancellationToken).ConfigureAwait(false);
    }

    public async Task RetryLaterAsync(long id, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("UPDATE object_deletion_outbox SET next_attempt_at = $2, last_error = $3 WHERE id = $1");
        Add(command, id, NpgsqlDbType.Bigint);
        Add(command, nextAttemptAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
        Add(command, error, NpgsqlDbType.Text);
        await command.NonQueryAsync(dataSource, cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*)::int FROM object_deletion_outbox");
        return (int)(await command.ScalarAsync(dataSource, cancellationToken).ConfigureAwait(false))!;
    }
}
