namespace Konifer.Imaging;

/// <summary>
/// How an output loses its EXIF block (<c>strip=exif</c>) with libvips 8.14, which has no <c>keep</c> option. In every
/// case <see cref="VipsMetadata.Strip"/> first removes the <c>exif-*</c> fields and the orientation.
/// </summary>
internal enum VipsExifRemoval
{
    /// <summary>Removing the fields is enough: the saver writes no EXIF block without them (PNG, JPEG XL, GIF).</summary>
    Fields,

    /// <summary>
    /// The saver rebuilds a minimal block, which its <c>strip</c> option drops, with every other block (AVIF, HEIC):
    /// used only when the image has no profile or block to keep.
    /// </summary>
    SaverStrip,

    /// <summary>The saver always writes a block and ignores <c>strip</c> (JPEG, WebP): <see cref="ExifBlockRemover"/> copies the file without it.</summary>
    CopyWithoutBlock,
}
