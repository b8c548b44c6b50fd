using Konifer.Core.Transformations;
using NetVips;

namespace Konifer.Imaging;

/// <summary>
/// Metadata edits before saving. libvips 8.14 has no <c>keep</c> save option, so blocks are stripped by removing their
/// fields; the EXIF block is also rebuilt by the savers from the <c>exif-*</c> fields and <c>orientation</c>, so those
/// go too.
/// </summary>
internal static class VipsMetadata
{
    public static Image Strip(Image image, MetadataStrip strip)
    {
        if (strip == MetadataStrip.None) return image;
        var fields = image.GetFields();
        var doomed = fields.Where(field =>
                (strip.HasFlag(MetadataStrip.Exif) && (field.StartsWith("exif-", StringComparison.Ordinal) || field == "orientation")) ||
                (strip.HasFlag(MetadataStrip.Xmp) && field == "xmp-data") ||
                (strip.HasFlag(MetadataStrip.Iptc) && field == "iptc-data"))
            .ToArray();
        return doomed.Length == 0 ? image : image.Mutate(m =>
        {
            foreach (var field in doomed) m.Remove(field);
        });
    }

    /// <summary>Whether the image still carries a profile or a block that saving with libvips' <c>strip</c> would lose.</summary>
    public static bool HasBlocksToKeep(Image image) =>
        image.Contains("icc-profile-data") || image.Contains("xmp-data") || image.Contains("iptc-data");

    /// <summary>
    /// Page layout for the saver: an animation gets its page height and count; a still image loses any page height
    /// left over from a multi-page source, which would otherwise make WebP and GIF savers cut it into frames.
    /// </summary>
    public static Image SetPages(Image image, int pageHeight, int pageCount) => image.Mutate(m =>
    {
        if (pageCount > 1)
        {
            m.Set(GValue.GIntType, "page-height", pageHeight);
            m.Set(GValue.GIntType, "n-pages", pageCount);
        }
        else
        {
            if (m.Contains("page-height")) m.Remove("page-height");
            if (m.Contains("n-pages")) m.Remove("n-pages");
        }
    });
}
