using NetVips;

namespace Konifer.Imaging;

/// <summary>
/// libvips' operation cache keeps the last operations, loaders included, with their images. A HEIC or AVIF loader's
/// decoded frame lives in libheif's buffers, which the cache's memory limit does not count, so after an upload it
/// stayed resident until a hundred later operations pushed the loader out (about 50 MB for a 16 MP HEIC).
/// </summary>
internal static class VipsOperationCache
{
    private static readonly Lock Gate = new();

    /// <summary>Drops every cached operation; images still in use keep their own references.</summary>
    public static void Evict()
    {
        // Locked: two evictions at once could otherwise read each other's 0 and leave the cache off for good.
        lock (Gate)
        {
            var max = Cache.Max;
            Cache.Max = 0;
            Cache.Max = max;
        }
    }
}
