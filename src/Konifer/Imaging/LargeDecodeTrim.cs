namespace Konifer.Imaging;

/// <summary>
/// Returns memory after a large decode outside a generation job (an upload's integrity check, a placeholder's
/// thumbnail): the loader stays in libvips' operation cache with its decoded frame, and glibc keeps what is freed in
/// the arena of the thread that freed it (as after big jobs, <see cref="HeapTrimmingTransformer"/>). Without it the
/// idle server stayed 174–232 MB higher after one 16 MP HEIC upload, 18 MB with it (docs/memory.md).
/// </summary>
public static class LargeDecodeTrim
{
    /// <summary>
    /// 1 MP. Measured (docs/memory.md): a 4 MP HEIC or AVIF upload left 54–69 MB behind untrimmed, 18–43 MB trimmed; the
    /// trim costs 1–12 ms, against a decode of a few hundred milliseconds or more.
    /// </summary>
    public const long ThresholdPixels = 1_000_000;

    /// <summary>
    /// From the threshold on, drops libvips' cached operations (the loader there still holds the decoded frame) and
    /// trims the heap; call once the image is closed. True when it did.
    /// </summary>
    public static bool After(long decodedPixels)
    {
        if (decodedPixels < ThresholdPixels) return false;
        VipsOperationCache.Evict();
        return NativeHeap.Trim();
    }
}
