using Konifer.Core.Assets;
using Konifer.Core.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Konifer.Storage.Metadata.Postgres;

/// <summary>
/// The production metadata store. Entry ids come from a per-path counter row bumped with INSERT … ON CONFLICT DO
/// UPDATE, so they are unique across instances and never reused. Every write is one statement (so atomic without an
/// explicit transaction): creating writes the counter, the asset and its original; deleting removes the records and
/// queues their objects in the outbox together. The outbox is claimed with FOR UPDATE SKIP LOCKED, so several
/// instances drain it without working on the same entry. The data source (pool) is owned by the caller. One partial
/// file per role of the store; this one holds the asset entries and the reading the others share.
/// </summary>
public sealed partial class PostgresAssetRepository(NpgsqlDataSource dataSource) : IAssetEntries
{
    private const string CreatePendingSql = """
        WITH counter AS (
            INSERT INTO asset_entry_counters AS c (path, next_entry_id) VALUES ($1::ltree, 1)
            ON CONFLICT (path) DO UPDATE SET next_entry_id = c.next_entry_id + 1
            RETURNING c.next_entry_id - 1 AS entry_id
        ), asset AS (
            INSERT INTO assets (id, path, path_text, entry_id, alt, labels, tags, source, source_url, is_ready, created_at, modified_at)
            SELECT $2, $1::ltree, $3, counter.entry_id, $4, $5, $6, $7, $8, false, $9, $9 FROM counter
            RETURNING id, entry_id
        ), original AS (
            INSERT INTO asset_variants (id, asset_id, is_original, bucket, object_key, attributes, lqip, created_at)
            SELECT $10, asset.id, true, $11, $12, $13, $14, $9 FROM asset
        )
        SELECT entry_id FROM asset
        """;

    private const string MarkReadySql =
        $"UPDATE assets a SET is_ready = true WHERE a.id = $1 RETURNING {PostgresAssetSql.AssetColumns}";

    private const string UpdateInformationSql = $"""
        UPDATE assets a SET alt = $3, labels = $4, tags = $5, modified_at = $6
        WHERE a.path = $1::ltree AND a.entry_id = $2 AND a.is_ready
        RETURNING {PostgresAssetSql.AssetColumns}
        """;

    public async Task<Asset> CreatePendingAsync(PendingAsset asset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(asset);
        var id = Guid.NewGuid();
        var originalId = Guid.NewGuid();
        await using var command = dataSource.CreateCommand(CreatePendingSql);
        Add(command, LtreePath.Encode(asset.Path), NpgsqlDbType.Text);
        Add(command, id, NpgsqlDbType.Uuid);
        Add(command, asset.Path.Value, NpgsqlDbType.Text);
        Add(command, (object?)asset.Information.Alt ?? DBNull.Value, NpgsqlDbType.Text);
        Add(command, PostgresJson.Labels(asset.Information.Labels), NpgsqlDbType.Jsonb);
        Add(command, asset.Information.Tags.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
        Add(command, SourceName(asset.Source), NpgsqlDbType.Text);
        Add(command, (object?)asset.SourceUrl ?? DBNull.Value, NpgsqlDbType.Text);
        Add(command, asset.CreatedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
        Add(command, originalId, NpgsqlDbType.Uuid);
        Add(command, asset.OriginalLocation.Bucket, NpgsqlDbType.Text);
        Add(command, asset.OriginalLocation.Key, NpgsqlDbType.Text);
        Add(command, PostgresJson.Attributes(asset.OriginalAttributes), NpgsqlDbType.Jsonb);
        Add(command, PostgresJson.Lqip(asset.OriginalLqip), NpgsqlDbType.Jsonb);
        var entryId = (long)(await command.ScalarAsync(dataSource, cancellationToken).ConfigureAwait(false))!;
        var original = new Variant(originalId, true, asset.OriginalLocation, asset.OriginalAttributes, asset.OriginalLqip, asset.CreatedAt);
        return new Asset(id, asset.Path, entryId, asset.Information, asset.Source, asset.SourceUrl, asset.CreatedAt, asset.CreatedAt, [original]);
    }

    public async Task<Asset?> MarkReadyAsync(Guid assetId, CancellationToken cancellationToken)
    {
        // Marking an asset that is already ready is harmless and answers with it as it is now.
        var found = await QueryAssetsAsync(MarkReadySql, cancellationToken, (assetId, NpgsqlDbType.Uuid)).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    public async Task AbandonPendingAsync(Guid assetId, CancellationToken cancellationToken)
    {
        var sql = PostgresAssetSql.DeleteAndQueueObjects("DELETE FROM assets WHERE id = $1 AND NOT is_ready RETURNING id");
        await using var command = dataSource.CreateCommand(sql);
        Add(command, assetId, NpgsqlDbType.Uuid);
        await command.ScalarAsync(dataSource, cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<Asset>> FindAsync(AssetPath path, AssetQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(query);
        return FindWithVariantsAsync(PostgresAssetSql.Find(path, query), cancellationToken);
    }

    public async Task<Asset?> UpdateInformationAsync(AssetPath path, long entryId, AssetInformation information, DateTimeOffset modifiedAt,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(information);
        var found = await QueryAssetsAsync(UpdateInformationSql, cancellationToken,
            (LtreePath.Encode(path), NpgsqlDbType.Text),
            (entryId, NpgsqlDbType.Bigint),
            ((object?)information.Alt ?? DBNull.Value, NpgsqlDbType.Text),
            (PostgresJson.Labels(information.Labels), NpgsqlDbType.Jsonb),
            (information.Tags.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text),
            (modifiedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz)).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    public Task<int> DeleteAsync(AssetPath path, AssetQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(query);
        return CountAsync(PostgresAssetSql.Delete(path, query), cancellationToken);
    }

    public Task<int> DeleteRecursiveAsync(AssetPath path, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(labels);
        return CountAsync(PostgresAssetSql.DeleteRecursive(path, labels), cancellationToken);
    }

    /// <summary>
    /// A row of <see cref="PostgresAssetSql.VariantColumns"/> from its second column on; with <paramref name="first"/>,
    /// the same columns starting at that ordinal (as in <see cref="PostgresAssetSql.JoinedVariantColumns"/>).
    /// </summary>
    private static Variant ReadVariant(NpgsqlDataReader reader, int first = 0) => new(
        reader.GetGuid(first + 1),
        reader.GetBoolean(first + 2),
        new ObjectLocation(reader.GetString(first + 3), reader.GetString(first + 4)),
        PostgresJson.ReadAttributes(reader.GetString(first + 5)),
        PostgresJson.ReadLqip(reader.GetString(first + 6)),
        reader.GetFieldValue<DateTimeOffset>(first + 7),
        reader.IsDBNull(first + 8) ? null : PostgresJson.ReadTransformation(reader.GetString(first + 8)),
        reader.IsDBNull(first + 9) ? null : reader.GetFieldValue<DateTimeOffset>(first + 9));

    private async Task<int> CountAsync(PostgresStatement statement, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var command = statement.CreateCommand(connection);
        return (int)(await command.ScalarAsync(dataSource, cancellationToken).ConfigureAwait(false))!;
    }

    private Task<IReadOnlyList<Asset>> QueryAssetsAsync(string sql, CancellationToken cancellationToken, params (object Value, NpgsqlDbType Type)[] parameters) =>
        QueryAssetsAsync(new PostgresStatement(sql, parameters.Select(p => new NpgsqlParameter { Value = p.Value, NpgsqlDbType = p.Type }).ToArray()),
            cancellationToken);

    /// <summary>Runs a statement returning <see cref="PostgresAssetSql.AssetColumns"/>, then loads the rows' variants.</summary>
    private async Task<IReadOnlyList<Asset>> QueryAssetsAsync(PostgresStatement statement, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<AssetRow>();
        await using (var command = statement.CreateCommand(connection))
        await using (var reader = await command.ReaderAsync(dataSource, cancellationToken).ConfigureAwait(false))
        {
            while (await reader.NextAsync(cancellationToken).ConfigureAwait(false)) rows.Add(AssetRow.Read(reader));
        }
        if (rows.Count == 0) return [];

        var variants = rows.ToDictionary(r => r.Id, _ => new List<Variant>());
        await using (var command = new NpgsqlCommand(PostgresAssetSql.Variants, connection))
        {
            Add(command, variants.Keys.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Uuid);
            await using var reader = await command.ReaderAsync(dataSource, cancellationToken).ConfigureAwait(false);
            while (await reader.NextAsync(cancellationToken).ConfigureAwait(false))
            {
                variants[reader.GetGuid(0)].Add(ReadVariant(reader));
            }
        }
        return rows.Select(r => r.ToAsset(variants[r.Id])).ToArray();
    }

    /// <summary>
    /// Runs <see cref="PostgresAssetSql.Find"/>: rows of <see cref="PostgresAssetSql.AssetColumns"/> then
    /// <see cref="PostgresAssetSql.JoinedVariantColumns"/>, one per variant, an asset's rows consecutive and already in
    /// variant order; an asset without a ready variant comes as one row whose variant columns are null.
    /// </summary>
    private async Task<IReadOnlyList<Asset>> FindWithVariantsAsync(PostgresStatement statement, CancellationToken cancellationToken)
    {
        const int firstVariantColumn = AssetRow.ColumnCount;
        await using var connection = await dataSource.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var command = statement.CreateCommand(connection);
        await using var reader = await command.ReaderAsync(dataSource, cancellationToken).ConfigureAwait(false);
        var assets = new List<Asset>();
        AssetRow? current = null;
        var variants = new List<Variant>();
        while (await reader.NextAsync(cancellationToken).ConfigureAwait(false))
        {
            if (current is null || current.Id != reader.GetGuid(0))
            {
                if (current is not null) assets.Add(current.ToAsset(variants));
                current = AssetRow.Read(reader);
                variants = [];
            }
            if (!reader.IsDBNull(firstVariantColumn)) variants.Add(ReadVariant(reader, firstVariantColumn));
        }
        if (current is not null) assets.Add(current.ToAsset(variants));
        return assets;
    }

    private static void Add(NpgsqlCommand command, object value, NpgsqlDbType type) =>
        command.Parameters.Add(new NpgsqlParameter { Value = value, NpgsqlDbType = type });

    internal static string SourceName(AssetSource source) => source switch
    {
        AssetSource.Url => "url",
        AssetSource.Arn => "arn",
        _ => "upload",
    };

    internal static AssetSource SourceOf(string name) => name switch
    {
        "url" => AssetSource.Url,
        "arn" => AssetSource.Arn,
        _ => AssetSource.Upload,
    };

    /// <summary>One row of <see cref="PostgresAssetSql.AssetColumns"/>, before its variants are attached.</summary>
    private sealed record AssetRow(Guid Id, AssetPath Path, long EntryId, AssetInformation Information, AssetSource Source, string? SourceUrl,
        DateTimeOffset CreatedAt, DateTimeOffset ModifiedAt)
    {
        /// <summary>How many columns <see cref="Read"/> reads, from ordinal 0.</summary>
        public const int ColumnCount = 10;

        public static AssetRow Read(NpgsqlDataReader reader) => new(
            reader.GetGuid(0),
            AssetPath.Parse(reader.GetString(1)),
            reader.GetInt64(2),
            new AssetInformation(
                reader.IsDBNull(3) ? null : reader.GetString(3),
                PostgresJson.ReadLabels(reader.GetString(4)),
                reader.GetFieldValue<string[]>(5)),
            SourceOf(reader.GetString(6)),
            reader.IsDBNull(7) ? null : reader.GetString(7),
            reader.GetFieldValue<DateTimeOffset>(8),
            reader.GetFieldValue<DateTimeOffset>(9));

        public Asset ToAsset(IReadOnlyList<Variant> variants) =>
            new(Id, Path, EntryId, Information, Source, SourceUrl, CreatedAt, ModifiedAt, variants);
    }
}
