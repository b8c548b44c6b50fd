using Konifer.Core.Transformations;
using Konifer.Variants.Claims;
using Npgsql;
using NpgsqlTypes;

namespace Konifer.Storage.Metadata.Postgres;

/// <summary>
/// Generation claims in <c>variant_generation_claims</c> (migration 0009). Leases are compared with the server's
/// clock only, so instances whose clocks disagree still agree on who holds a claim. A release (or the asset's
/// delete) notifies <see cref="Channel"/> through a trigger; <see cref="PostgresNotificationListener"/> hears it on
/// the instance's one listening connection and wakes the watches here.
/// </summary>
public sealed class PostgresGenerationClaims(NpgsqlDataSource dataSource, ClaimSignals signals) : IGenerationClaims
{
    public const string Channel = "konifer_claims";

    /// <summary>
    /// $1 asset, $2 transformation, $3 owner, $4 lease. Claims unless a live claim of another owner exists (a lapsed
    /// one is taken over; the insert waits for a concurrent claimant to commit and then sees its row), and answers
    /// whether it did, whether the asset exists, and the claim the statement's snapshot saw: the holder's, when held.
    /// </summary>
    private const string ClaimSql = """
        WITH claimed AS (
            INSERT INTO variant_generation_claims AS c (asset_id, transformation, owner, lease_expires_at)
            SELECT a.id, $2, $3, now() + $4 FROM assets a WHERE a.id = $1 AND a.is_ready
            ON CONFLICT (asset_id, transformation) DO UPDATE SET owner = EXCLUDED.owner, lease_expires_at = EXCLUDED.lease_expires_at
            WHERE c.lease_expires_at <= now() OR c.owner = EXCLUDED.owner
            RETURNING 1
        )
        SELECT EXISTS (SELECT 1 FROM claimed), EXISTS (SELECT 1 FROM assets WHERE id = $1 AND is_ready),
               c.owner, greatest(c.lease_expires_at - now(), interval '0')
        FROM (SELECT 1) one LEFT JOIN variant_generation_claims c ON c.asset_id = $1 AND c.transformation = $2
        """;

    private const string RenewSql = """
        UPDATE variant_generation_claims SET lease_expires_at = now() + $4
        WHERE asset_id = $1 AND transformation = $2 AND owner = $3
        """;

    private const string ReleaseSql = "DELETE FROM variant_generation_claims WHERE asset_id = $1 AND transformation = $2 AND owner = $3";

    public async Task<ClaimAttempt> TryClaimAsync(Guid assetId, Transformation transformation, string owner, TimeSpan lease,
        CancellationToken cancellationToken)
    {
        await using var command = Command(ClaimSql, assetId, transformation, owner, lease);
        await using var reader = await command.ReaderAsync(dataSource, cancellationToken).ConfigureAwait(false);
        await reader.NextAsync(cancellationToken).ConfigureAwait(false);
        if (reader.GetBoolean(0)) return ClaimAttempt.Claimed;
        if (!reader.GetBoolean(1)) return ClaimAttempt.AssetGone;
        // No row in the snapshot: the holder committed while this statement ran; its lease is fresh, but unknown here.
        return reader.IsDBNull(2) ? ClaimAttempt.HeldBy(null, TimeSpan.Zero) : ClaimAttempt.HeldBy(reader.GetString(2), reader.GetTimeSpan(3));
    }

    public async Task<bool> RenewAsync(Guid assetId, Transformation transformation, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var command = Command(RenewSql, assetId, transformation, owner, lease);
        return await command.NonQueryAsync(dataSource, cancellationToken).ConfigureAwait(false) > 0;
    }

    public async Task ReleaseAsync(Guid assetId, Transformation transformation, string owner, CancellationToken cancellationToken)
    {
        await using var command = Command(ReleaseSql, assetId, transformation, owner, lease: null);
        await command.NonQueryAsync(dataSource, cancellationToken).ConfigureAwait(false);
        // This instance's own waiters need not wait for the notification's round trip.
        signals.Signal(assetId);
    }

    public ClaimWatch Watch(Guid assetId) => signals.Watch(assetId);

    private NpgsqlCommand Command(string sql, Guid assetId, Transformation transformation, string owner, TimeSpan? lease)
    {
        ArgumentNullException.ThrowIfNull(transformation);
        ArgumentNullException.ThrowIfNull(owner);
        var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = assetId, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = PostgresJson.Transformation(transformation), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter { Value = owner, NpgsqlDbType = NpgsqlDbType.Text });
        if (lease is { } length) command.Parameters.Add(new NpgsqlParameter { Value = length, NpgsqlDbType = NpgsqlDbType.Interval });
        return command;
    }
}
