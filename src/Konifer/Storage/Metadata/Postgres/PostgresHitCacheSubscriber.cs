using Konifer.Storage.Metadata.HitCache;

namespace Konifer.Storage.Metadata.Postgres;

/// <summary>
/// Keeps <see cref="AssetHitCache"/> true to the database: the schema's triggers announce each committed change by
/// path on <c>konifer_assets</c> (migration 0008) and the path is evicted. While nothing can be heard the cache is
/// suspended (bypassed and empty); once listening again it is flushed and used.
/// </summary>
public sealed class PostgresHitCacheSubscriber(AssetHitCache cache) : IPostgresChannelSubscriber
{
    public const string AssetsChannel = "konifer_assets";

    public string Channel => AssetsChannel;

    // Changes committed before LISTEN took effect were never announced to us: flush, then serve.
    public void Listening() => cache.Resume();

    public void Lost() => cache.Suspend();

    public void Notified(string payload) => cache.Invalidate(payload);
}
