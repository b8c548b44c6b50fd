using Konifer.Core.Transformations;
using NetVips;

namespace Konifer.Imaging;

/// <summary>
/// libvips opens a source for top-to-bottom reading so that shrink-on-load and streaming keep memory small; a step
/// that reads rows out of that order (a quarter or half turn, a flip, a blur's tall window) then fails with "out of
/// order read". Such steps get the resized frame as a random-access copy instead: in memory up to
/// <see cref="InMemoryLimit"/>, above it in a temporary libvips file that the kernel pages in window by window.
/// The copy is the output size, never the source's, and <c>MemoryEstimate</c> counts it in the budget.
/// </summary>
internal static class RandomAccessFrame
{
    /// <summary>libvips' own threshold for decoding to disc rather than memory (<c>VIPS_DISC_THRESHOLD</c>).</summary>
    public const long InMemoryLimit = Transformation.RandomAccessCopyInMemoryLimit;

    public static Image Prepare(Image image, Transformation transformation, ImageScope scope, long inMemoryLimit = InMemoryLimit)
    {
        if (!transformation.ReadsOutOfOrder) return image;
        if (FrameBytes(image) <= inMemoryLimit) return scope.Track(image.CopyMemory());
        // Deleted by libvips when the image is closed (the scope closes it after the save).
        var file = scope.Track(Image.NewTempFile("%s.v"));
        image.Write(file);
        return file;
    }

    private static long FrameBytes(Image image) =>
        (long)image.Width * image.Height * image.Bands * BytesPerBand(image.Format);

    private static int BytesPerBand(Enums.BandFormat format) => format switch
    {
        Enums.BandFormat.Uchar or Enums.BandFormat.Char => 1,
        Enums.BandFormat.Ushort or Enums.BandFormat.Short => 2,
        Enums.BandFormat.Double or Enums.BandFormat.Complex => 8,
        Enums.BandFormat.Dpcomplex => 16,
        _ => 4,
    };
}
