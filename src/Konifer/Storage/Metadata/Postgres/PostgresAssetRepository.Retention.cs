using Konifer.Core.Assets;
using NpgsqlTypes;

namespace Konifer.Storage.Metadata.Postgres;

/// <summary>
/// Access counts flushed from memory in batches: one statement per batch updates each variant's decayed score, its
/// last access and, for idle expiry, its expiry. Rows are locked in id order so that instances flushing overlapping
/// batches at once wait for each other instead of deadlocking.
/// </summary>
public sealed partial class PostgresAssetRepository
{
    /// <summary>Rows per statement: keeps each statement's arrays and locks small.</summary>
    private const int AccessBatchSize = 1000;

    /// <summary>$1 ids, $2 counts, $3 last accesses, $4 idle expiries (nullable), $5 half-lives in seconds, $6 now.</summary>
    private static readonly string RecordAccessesSql = $"""
        WITH a AS (
            SELECT * FROM unnest($1::uuid[], $2::float8[], $3::timestamptz[], $4::timestamptz[], $5::float8[])
                AS a(id, count, last_accessed_at, expires_at, half_life)
        ), locked AS (
            SELECT v.id FROM asset_variants v JOIN a ON v.id = a.id
            WHERE NOT v.is_original AND v.is_ready ORDER BY v.id FOR UPDATE OF v
        )
        UPDATE asset_variants v SET
            access_score = {DecayedScore("v", "$6", "a.half_life")} + a.count,
            access_score_as_of = greatest(v.access_score_as_of, $6),
            last_accessed_at = greatest(v.last_accessed_at, a.last_accessed_at),
            expires_at = CASE WHEN v.expires_at IS NULL OR a.expires_at IS NULL THEN v.expires_at ELSE greatest(v.expires_at, a.expires_at) END
        FROM a JOIN locked l ON l.id = a.id
        WHERE v.id = a.id
        """;

    /// <summary>
    /// The score of <paramref name="row"/> decayed to <paramref name="at"/>: score × 0.5^(elapsed / half-life), the
    /// exponent capped at 1000 half-lives because PostgreSQL reports a float underflow as an error, not as zero
    /// (stored scores are 0 or at least 1, so the capped product stays representable).
    /// </summary>
    private static string DecayedScore(string row, string at, string halfLifeSeconds) =>
        $"({row}.access_score * power(0.5::float8, least(1000, greatest(0, extract(epoch FROM ({at} - {row}.access_score_as_of))::float8) / {halfLifeSeconds})))";

    public async Task RecordAccessesAsync(IReadOnlyCollection<VariantAccess> accesses, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accesses);
        foreach (var batch in accesses.DistinctBy(a => a.VariantId).OrderBy(a => a.VariantId).Chunk(AccessBatchSize))
        {
            await using var command = dataSource.CreateCommand(RecordAccessesSql);
            Add(command, batch.Select(a => a.VariantId).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Uuid);
            Add(command, batch.Select(a => (double)a.Count).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Double);
            Add(command, batch.Select(a => a.LastAccessedAt.UtcDateTime).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.TimestampTz);
            Add(command, batch.Select(a => a.ExpiresAt?.UtcDateTime).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.TimestampTz);
            Add(command, batch.Select(a => a.AccessScoreHalfLife.TotalSeconds).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Double);
            Add(command, now.ToUniversalTime(), NpgsqlDbType.TimestampTz);
            await command.NonQueryAsync(dataSource, cancellationToken).ConfigureAwait(false);
        }
    }
}
