using Konifer.Core.Assets;
using Konifer.Core.Transformations;
using Npgsql;
using NpgsqlTypes;

namespace Konifer.Storage.Metadata.Postgres;

/// <summary>
/// Generated variants, two-phase: a pending row (is_ready = false, invisible to reads) is inserted before the object
/// is uploaded and marked ready after. The unique index on (asset, transformation) covers ready rows only, so a
/// pending row of a crashed instance never blocks a new generation; it is swept later. When instances race on one
/// variant, the first to mark its row ready wins and the others drop their rows and queue their objects.
/// </summary>
public sealed partial class PostgresAssetRepository : IVariantRecords
{
    private const string ReserveVariantSql = """
        INSERT INTO asset_variants (id, asset_id, is_original, is_ready, transformation, bucket, object_key, attributes, lqip, created_at, expires_at,
                                    access_score, access_score_as_of)
        SELECT $1, a.id, false, false, $3, $4, $5, $6, $7, $8, $9, 1.0, $8 FROM assets a WHERE a.id = $2 AND a.is_ready
        RETURNING id
        """;

    /// <summary>
    /// $1 variant id, $2 max-variants, $3 half-life in seconds. Makes the row ready unless a ready sibling exists (then
    /// 0 rows; a concurrent one gives a unique violation) and, in the same statement, evicts the asset's other ready
    /// generated variants beyond the best $2 − 1, ranked at the new row's creation time, queuing their objects.
    /// The snapshot does not see a sibling that another instance makes ready at the same instant, so two concurrent
    /// completions may leave one variant too many until the next one. Evicted rows are locked in id order, as the
    /// access flush locks them, so the two never deadlock; a row deleted meanwhile (expired) is skipped, not queued twice.
    /// </summary>
    private static readonly string MarkVariantReadySql = $"""
        WITH ready AS (
            UPDATE asset_variants v SET is_ready = true
            WHERE v.id = $1 AND NOT v.is_ready AND NOT EXISTS (
                SELECT 1 FROM asset_variants w
                WHERE w.asset_id = v.asset_id AND w.transformation = v.transformation AND NOT w.is_original AND w.is_ready)
            RETURNING {PostgresAssetSql.VariantColumns}
        ), ranked AS (
            SELECT w.id, row_number() OVER (ORDER BY {DecayedScore("w", "r.created_at", "$3")} DESC,
                w.last_accessed_at DESC NULLS LAST, w.created_at DESC, w.id DESC) AS rank
            FROM asset_variants w JOIN ready r ON w.asset_id = r.asset_id
            WHERE NOT w.is_original AND w.is_ready AND w.id <> r.id
        ), doomed AS (
            SELECT d.id FROM asset_variants d JOIN ranked k ON d.id = k.id WHERE k.rank >= $2 ORDER BY d.id FOR UPDATE OF d
        ), evicted AS (
            DELETE FROM asset_variants d USING doomed k WHERE d.id = k.id
            RETURNING d.bucket, d.object_key
        ), queued AS (
            INSERT INTO object_deletion_outbox (bucket, object_key) SELECT bucket, object_key FROM evicted
        )
        SELECT {PostgresAssetSql.VariantColumns} FROM ready
        """;

    /// <summary>
    /// $1 variant id, $2/$3 its object. Drops the row if still pending and queues the object unless the row is ready:
    /// a missing row may have been removed (asset deleted, swept) before the upload wrote the object, so it is queued
    /// again; deleting an object twice is harmless, keeping one nobody points at is not.
    /// </summary>
    private const string DropPendingVariantCtes = """
        WITH mine AS (
            SELECT is_ready FROM asset_variants WHERE id = $1
        ), dropped AS (
            DELETE FROM asset_variants WHERE id = $1 AND NOT is_ready AND NOT is_original RETURNING id
        ), queued AS (
            INSERT INTO object_deletion_outbox (bucket, object_key)
            SELECT $2, $3 WHERE NOT EXISTS (SELECT 1 FROM mine WHERE is_ready)
        )
        """;

    private const string AbandonVariantSql = DropPendingVariantCtes + "SELECT count(*)::int FROM dropped";

    /// <summary>After marking failed: drop this reservation (unless ready) and answer the ready variant, this or the winner.</summary>
    private const string SettleVariantSql = DropPendingVariantCtes + $"""
        SELECT {PostgresAssetSql.VariantColumns} FROM asset_variants
        WHERE asset_id = $4 AND transformation = $5 AND NOT is_original AND is_ready
        """;

    private const string FindReadyVariantSql = $"""
        SELECT {PostgresAssetSql.VariantColumns} FROM asset_variants
        WHERE asset_id = $1 AND transformation = $2 AND NOT is_original AND is_ready
        """;

    public async Task<Variant?> FindReadyVariantAsync(Guid assetId, Transformation transformation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transformation);
        await using var command = dataSource.CreateCommand(FindReadyVariantSql);
        Add(command, assetId, NpgsqlDbType.Uuid);
        Add(command, PostgresJson.Transformation(transformation), NpgsqlDbType.Jsonb);
        return await ReadVariantAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<PendingVariant?> ReserveVariantAsync(Guid assetId, NewVariant variant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(variant);
        var id = Guid.NewGuid();
        await using var command = dataSource.CreateCommand(ReserveVariantSql);
        Add(command, id, NpgsqlDbType.Uuid);
        Add(command, assetId, NpgsqlDbType.Uuid);
        Add(command, PostgresJson.Transformation(variant.Transformation), NpgsqlDbType.Jsonb);
        Add(command, variant.Location.Bucket, NpgsqlDbType.Text);
        Add(command, variant.Location.Key, NpgsqlDbType.Text);
        Add(command, PostgresJson.Attributes(variant.Attributes), NpgsqlDbType.Jsonb);
        Add(command, PostgresJson.Lqip(variant.Lqip), NpgsqlDbType.Jsonb);
        Add(command, variant.CreatedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
        Add(command, (object?)variant.ExpiresAt?.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType.TimestampTz);
        if (await command.ScalarAsync(dataSource, cancellationToken).ConfigureAwait(false) is null) return null;
        return new PendingVariant(assetId, new Variant(id, false, variant.Location, variant.Attributes, variant.Lqip, variant.CreatedAt,
            variant.Transformation, variant.ExpiresAt));
    }

    public async Task<Variant?> MarkVariantReadyAsync(PendingVariant variant, VariantCap cap, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(variant);
        ArgumentNullException.ThrowIfNull(cap);
        try
        {
            await using var command = dataSource.CreateCommand(MarkVariantReadySql);
            Add(command, variant.Variant.Id, NpgsqlDbType.Uuid);
            Add(command, cap.MaxVariants, NpgsqlDbType.Integer);
            Add(command, cap.AccessScoreHalfLife.TotalSeconds, NpgsqlDbType.Double);
            if (await ReadVariantAsync(command, cancellationToken).ConfigureAwait(false) is { } ready) return ready;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Another instance marked the same transformation ready in the same instant: it won.
        }
        await using var settle = dataSource.CreateCommand(SettleVariantSql);
        AddDropParameters(settle, variant);
        Add(settle, variant.AssetId, NpgsqlDbType.Uuid);
        Add(settle, PostgresJson.Transformation(variant.Variant.Transformation!), NpgsqlDbType.Jsonb);
        return await ReadVariantAsync(settle, cancellationToken).ConfigureAwait(false);
    }

    public async Task AbandonPendingVariantAsync(PendingVariant variant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(variant);
        await using var command = dataSource.CreateCommand(AbandonVariantSql);
        AddDropParameters(command, variant);
        await command.ScalarAsync(dataSource, cancellationToken).ConfigureAwait(false);
    }

    private static void AddDropParameters(NpgsqlCommand command, PendingVariant variant)
    {
        Add(command, variant.Variant.Id, NpgsqlDbType.Uuid);
        Add(command, variant.Variant.Location.Bucket, NpgsqlDbType.Text);
        Add(command, variant.Variant.Location.Key, NpgsqlDbType.Text);
    }

    private async Task<Variant?> ReadVariantAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ReaderAsync(dataSource, cancellationToken).ConfigureAwait(false);
        return await reader.NextAsync(cancellationToken).ConfigureAwait(false) ? ReadVariant(reader) : null;
    }
}
