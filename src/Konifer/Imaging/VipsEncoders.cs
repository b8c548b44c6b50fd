using Konifer.Core.Images;
using NetVips;

namespace Konifer.Imaging;

/// <summary>
/// Writes an image straight to a file with its format's saver and options (<see cref="VipsFormatTable"/>); page height
/// and animation delays come from the image's metadata.
/// </summary>
internal static class VipsEncoders
{
    /// <param name="stripAll">
    /// Save with libvips' <c>strip</c>, which drops every metadata block (ICC profile included), where the saver
    /// honours it (<see cref="VipsExifRemoval.SaverStrip"/>). Used for HEIF outputs that must lose EXIF, since their
    /// saver otherwise rebuilds a minimal EXIF block.
    /// </param>
    public static void Save(Image image, ImageFormat format, int quality, string file, bool stripAll = false)
    {
        var vips = VipsFormatTable.For(format);
        var options = new VOption();
        if (vips.QualityOption is { } qualityOption) options.Add(qualityOption, quality);
        foreach (var (name, value) in vips.EncoderOptions) options.Add(name, value);
        foreach (var (name, value) in vips.TuningOptions) options.Add(name, value);
        // NetVips 3 no longer exposes strip (libvips 8.15 replaced it with keep), so the generic call is how 8.14 gets it.
        if (stripAll && vips.ExifRemoval == VipsExifRemoval.SaverStrip) options.Add("strip", true);
        Operation.Call(vips.Saver, options, image, file);
    }

    /// <summary>A format without transparency (JPEG) is composited on white, the colour an empty page shows.</summary>
    public static Image Flatten(Image image, ImageFormat format) =>
        format.Info().Transparency == Transparency.None && image.HasAlpha() ? image.Flatten(background: [255.0]) : image;
}
