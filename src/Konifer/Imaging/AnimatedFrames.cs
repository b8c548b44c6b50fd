using Konifer.Core.Transformations;
using NetVips;

namespace Konifer.Imaging;

/// <summary>
/// libvips holds an animation as one tall strip of pages. Geometry steps (resize, rotate, pad, blur) must run per
/// page or they would mix frames; steps that work pixel by pixel (filters, colour space, 8-bit conversion) may run
/// on the whole strip at once.
/// </summary>
/// <remarks>
/// Frames are not joined with <c>arrayjoin</c>: a join of thousands of lazily processed frames made the save cost
/// grow with the square of the frame count (a 4097-frame 1×1 GIF took 234 s to become WebP; see docs/memory.md,
/// "Animations"). <see cref="Assemble"/> instead draws each processed frame, one after the other, into one
/// in-memory canvas of the output strip, so the work is proportional to the frames and no pipeline outlives its
/// frame. The canvas is the output's pixels once (at most 4 bytes each), which <c>MemoryEstimate</c> counts.
/// </remarks>
internal static class AnimatedFrames
{
    public static Image LoadAllPages(string file) =>
        Image.NewFromFile(file, access: Enums.Access.Random, failOn: Enums.FailOn.Error, kwargs: new VOption { { "n", -1 } });

    public static int PageHeight(Image strip)
    {
        var pageHeight = strip.PageHeight;
        return pageHeight > 0 && strip.Height % pageHeight == 0 ? pageHeight : strip.Height;
    }

    /// <summary>
    /// True when no step of <paramref name="transformation"/> moves pixels across a page boundary for frames of
    /// <paramref name="frameWidth"/>×<paramref name="frameHeight"/>: no resize, turn, flip, blur or padding. The
    /// remaining steps are pointwise and may then run on the whole strip.
    /// </summary>
    public static bool StripMayRunWhole(Transformation transformation, int frameWidth, int frameHeight) =>
        !VipsResizing.Changes(frameWidth, frameHeight, transformation)
        && !transformation.ReadsOutOfOrder && transformation.Padding.Amount <= 0;

    /// <summary>
    /// Processes every page of <paramref name="strip"/> with <paramref name="process"/> (each in a scope of its own,
    /// released once the frame is drawn) and returns the output strip, in memory, carrying the first frame's
    /// metadata (delays, loop).
    /// </summary>
    public static Image Assemble(Image strip, int pageHeight, Func<Image, ImageScope, Image> process, CancellationToken cancellationToken)
    {
        var count = strip.Height / pageHeight;
        Image canvas;
        int frameHeight;
        using (var firstScope = new ImageScope())
        {
            var first = process(firstScope.Track(strip.ExtractArea(0, 0, strip.Width, pageHeight)), firstScope);
            frameHeight = first.Height;
            // Embed keeps the first frame's format, bands and metadata; the rest of the canvas is drawn over below.
            canvas = first.Embed(0, 0, first.Width, frameHeight * count);
        }
        using (canvas)
        {
            return canvas.Mutate(mutable =>
            {
                for (var page = 1; page < count; page++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    using var frameScope = new ImageScope();
                    var frame = process(frameScope.Track(strip.ExtractArea(0, page * pageHeight, strip.Width, pageHeight)), frameScope);
                    if (frame.Height != frameHeight)
                        throw new InvalidOperationException($"Frame {page} is {frame.Height} pixels high, the first {frameHeight}.");
                    mutable.DrawImage(frame, 0, page * frameHeight);
                }
            });
        }
    }
}
