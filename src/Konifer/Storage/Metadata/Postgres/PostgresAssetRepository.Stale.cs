using Konifer.Core.Assets;
using NpgsqlTypes;

namespace Konifer.Storage.Metadata.Postgres;

/// <summary>
/// What the background sweeps work on: uploads and variant reservations that never became ready, and expired
/// variants. Sweeping variants and expiring them remove rows and queue their objects in one statement, taking rows
/// with FOR UPDATE SKIP LOCKED so that sweepers of several instances never take the same one. Stale uploads are only
/// found here; abandoning them (an entry operation) removes a row only while it is still pending.
/// </summary>
public sealed partial class PostgresAssetRepository : IStaleRecords
{
    private const string PendingOlderThanSql = $"""
        SELECT {PostgresAssetSql.AssetColumns} FROM assets a
        WHERE NOT a.is_ready AND a.created_at < $1
        ORDER BY a.created_at, a.id LIMIT $2
        """;

    private const string SweepPendingVariantsSql = $"""
        WITH doomed AS (
            DELETE FROM asset_variants WHERE id IN (
                SELECT id FROM asset_variants WHERE NOT is_ready AND created_at < $1
                ORDER BY created_at, id LIMIT $2 FOR UPDATE SKIP LOCKED)
            RETURNING {PostgresAssetSql.VariantColumns}
        ), queued AS (
            INSERT INTO object_deletion_outbox (bucket, object_key) SELECT bucket, object_key FROM doomed
        )
        SELECT * FROM doomed ORDER BY created_at, id
        """;

    private const string DeleteExpiredVariantsSql = """
        WITH doomed AS (
            DELETE FROM asset_variants WHERE id IN (
                SELECT id FROM asset_variants WHERE NOT is_original AND is_ready AND expires_at <= $1
                ORDER BY expires_at LIMIT $2 FOR UPDATE SKIP LOCKED)
            RETURNING bucket, object_key
        ), queued AS (
            INSERT INTO object_deletion_outbox (bucket, object_key) SELECT bucket, object_key FROM doomed
        )
        SELECT count(*)::int FROM doomed
        """;

    public Task<IReadOnlyList<Asset>> FindPendingOlderThanAsync(DateTimeOffset cutoff, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        return QueryAssetsAsync(PendingOlderThanSql, cancellationToken,
            (cutoff.ToUniversalTime(), NpgsqlDbType.TimestampTz), (max, NpgsqlDbType.Integer));
    }

    public async Task<IReadOnlyList<PendingVariant>> SweepPendingVariantsAsync(DateTimeOffset cutoff, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        await using var command = dataSource.CreateCommand(SweepPendingVariantsSql);
        Add(command, cutoff.ToUniversalTime(), NpgsqlDbType.TimestampTz);
        Add(command, max, NpgsqlDbType.Integer);
        await using var reader = await command.ReaderAsync(dataSource, cancellationToken).ConfigureAwait(false);
        var swept = new List<PendingVariant>();
        while (await reader.NextAsync(cancellationToken).ConfigureAwait(false))
            swept.Add(new PendingVariant(reader.GetGuid(0), ReadVariant(reader)));
        return swept;
    }

    public async Task<int> DeleteExpiredVariantsAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(DeleteExpiredVariantsSql);
        Add(command, now.ToUniversalTime(), NpgsqlDbType.TimestampTz);
        Add(command, max, NpgsqlDbType.Integer);
        return (int)(await command.ScalarAsync(dataSource, cancellationToken).ConfigureAwait(false))!;
    }
}
