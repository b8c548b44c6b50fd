using NetVips;

namespace Konifer.Imaging;

/// <summary>
/// libvips holds an animation as one tall strip of pages. Geometry steps (resize, rotate, pad, blur) must run per
/// page or they would mix frames, so the strip is cut into frames and joined again afterwards; the first frame's
/// metadata (delays, loop) travels with the join.
/// </summary>
internal static class AnimatedFrames
{
    public static Image LoadAllPages(string file) =>
        Image.NewFromFile(file, access: Enums.Access.Random, failOn: Enums.FailOn.Error, kwargs: new VOption { { "n", -1 } });

    public static int PageHeight(Image strip)
    {
        var pageHeight = strip.PageHeight;
        return pageHeight > 0 && strip.Height % pageHeight == 0 ? pageHeight : strip.Height;
    }

    public static IEnumerable<Image> Split(Image strip, int pageHeight)
    {
        for (var top = 0; top + pageHeight <= strip.Height; top += pageHeight)
            yield return strip.ExtractArea(0, top, strip.Width, pageHeight);
    }

    public static Image Join(IReadOnlyList<Image> frames) => frames.Count == 1 ? frames[0] : Image.Arrayjoin([.. frames], across: 1);
}
