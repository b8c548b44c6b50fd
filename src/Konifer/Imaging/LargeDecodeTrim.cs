namespace Konifer.Imaging;

/// <summary>
/// Trims the native heap after a large decode outside a generation job (an upload's integrity check, a placeholder's
/// thumbnail), for the reason <see cref="HeapTrimmingTransformer"/> trims after big jobs: glibc keeps the freed
/// frame in the arena of the thread that freed it. Without it the idle server stayed 232 MB higher after one 16 MP
/// HEIC upload (docs/memory.md).
/// </summary>
public static class LargeDecodeTrim
{
    /// <summary>2048², as <c>large-job-pixels</c>: measured, smaller decodes leave little behind (docs/memory.md).</summary>
    public const long ThresholdPixels = 2048L * 2048;

    /// <summary>Trims when <paramref name="decodedPixels"/> reach the threshold; call once the image is closed.</summary>
    public static bool After(long decodedPixels) => decodedPixels >= ThresholdPixels && NativeHeap.Trim();
}
