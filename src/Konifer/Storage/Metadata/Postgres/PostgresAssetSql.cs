using System.Text;
using Konifer.Core.Assets;
using Npgsql;
using NpgsqlTypes;

namespace Konifer.Storage.Metadata.Postgres;

/// <summary>
/// The statements of <see cref="PostgresAssetRepository"/> whose shape depends on the query. Exact-path lookups use
/// the btree on (path, entry_id) or (path, modified_at, entry_id), subtree deletes the ltree GiST index and label
/// filters (<c>labels @&gt; $n</c>) the GIN index on labels. Paths are passed as text and cast to ltree.
/// </summary>
internal static class PostgresAssetSql
{
    public const string AssetColumns =
        "a.id, a.path_text, a.entry_id, a.alt, a.labels, a.tags, a.source, a.source_url, a.created_at, a.modified_at";

    /// <summary>The columns <c>ReadVariant</c> reads, asset id first.</summary>
    public const string VariantColumns =
        "asset_id, id, is_original, bucket, object_key, attributes, lqip, created_at, transformation, expires_at";

    /// <summary>The ready variants of the assets whose ids are in $1 (uuid[]), the original first.</summary>
    public const string Variants = $"""
        SELECT {VariantColumns}
        FROM asset_variants WHERE asset_id = ANY($1) AND is_ready
        ORDER BY is_original DESC, created_at, id
        """;

    /// <summary>
    /// The variant columns of <see cref="Find"/>, after <see cref="AssetColumns"/>, in the order <c>ReadVariant</c>
    /// reads them (v.asset_id stands in for the asset id it skips; it is null when an asset has no ready variant).
    /// </summary>
    public const string JoinedVariantColumns =
        "v.asset_id, v.id, v.is_original, v.bucket, v.object_key, v.attributes, v.lqip, v.created_at, v.transformation, v.expires_at";

    /// <summary>
    /// Ready assets at exactly <paramref name="path"/> matching <paramref name="query"/>, in its order and limit, with
    /// their ready variants in one round trip: one row per (asset, variant), an asset's rows together and its original
    /// first, so the reader groups consecutive rows. The limit applies to the assets, in the inner select.
    /// </summary>
    public static PostgresStatement Find(AssetPath path, AssetQuery query)
    {
        var parameters = new List<NpgsqlParameter>();
        var sql = $"""
            SELECT {AssetColumns}, {JoinedVariantColumns}
            FROM (SELECT {AssetColumns} FROM assets a WHERE {AtPath(path, query, parameters)}{OrderAndLimit(query, parameters)}) a
            LEFT JOIN asset_variants v ON v.asset_id = a.id AND v.is_ready
            {OrderBy(query)}, v.is_original DESC, v.created_at, v.id
            """;
        return new PostgresStatement(sql, parameters);
    }

    /// <summary>Deletes what <see cref="Find"/> would give and queues their objects; answers the count.</summary>
    public static PostgresStatement Delete(AssetPath path, AssetQuery query)
    {
        var parameters = new List<NpgsqlParameter>();
        // FOR UPDATE: a concurrent delete of the same rows waits, then skips them, so each object is queued once.
        var doomed = $"""
            DELETE FROM assets WHERE id IN (
                SELECT a.id FROM assets a WHERE {AtPath(path, query, parameters)}{OrderAndLimit(query, parameters)}
                FOR UPDATE)
            RETURNING id
            """;
        return new PostgresStatement(DeleteAndQueueObjects(doomed), parameters);
    }

    /// <summary>Deletes ready assets at <paramref name="path"/> and below with these labels and queues their objects.</summary>
    public static PostgresStatement DeleteRecursive(AssetPath path, IReadOnlyDictionary<string, string> labels)
    {
        var parameters = new List<NpgsqlParameter>();
        var where = new StringBuilder($"a.path <@ {Add(parameters, LtreePath.Encode(path), NpgsqlDbType.Text)}::ltree AND a.is_ready");
        if (labels.Count > 0) where.Append($" AND a.labels @> {Add(parameters, PostgresJson.Labels(labels), NpgsqlDbType.Jsonb)}");
        return new PostgresStatement(DeleteAndQueueObjects($"DELETE FROM assets a WHERE {where} RETURNING a.id"), parameters);
    }

    /// <summary>
    /// Wraps a <c>DELETE … RETURNING id</c> so that the objects of the deleted assets' variants go to the outbox in the
    /// same statement (so the same transaction). The variant rows themselves go by ON DELETE CASCADE; the CTE reads
    /// them from the statement's snapshot, taken before the delete, pending variants (still uploading) included.
    /// </summary>
    public static string DeleteAndQueueObjects(string deleteReturningIds) => $"""
        WITH doomed AS (
            {deleteReturningIds}
        ), queued AS (
            INSERT INTO object_deletion_outbox (bucket, object_key)
            SELECT v.bucket, v.object_key FROM asset_variants v JOIN doomed d ON d.id = v.asset_id
        )
        SELECT count(*)::int FROM doomed
        """;

    private static string AtPath(AssetPath path, AssetQuery query, List<NpgsqlParameter> parameters)
    {
        var where = new StringBuilder($"a.path = {Add(parameters, LtreePath.Encode(path), NpgsqlDbType.Text)}::ltree AND a.is_ready");
        if (query.EntryId is { } entryId) where.Append($" AND a.entry_id = {Add(parameters, entryId, NpgsqlDbType.Bigint)}");
        if (query.Labels.Count > 0) where.Append($" AND a.labels @> {Add(parameters, PostgresJson.Labels(query.Labels), NpgsqlDbType.Jsonb)}");
        return where.ToString();
    }

    private static string OrderAndLimit(AssetQuery query, List<NpgsqlParameter> parameters)
    {
        var order = " " + OrderBy(query);
        return query.Limit < 0 ? order : $"{order} LIMIT {Add(parameters, query.Limit, NpgsqlDbType.Integer)}";
    }

    private static string OrderBy(AssetQuery query) => query.Order == AssetOrder.Modified
        ? "ORDER BY a.modified_at DESC, a.entry_id DESC"
        : "ORDER BY a.entry_id DESC";

    private static string Add(List<NpgsqlParameter> parameters, object value, NpgsqlDbType type)
    {
        parameters.Add(new NpgsqlParameter { Value = value, NpgsqlDbType = type });
        return "$" + parameters.Count;
    }
}
