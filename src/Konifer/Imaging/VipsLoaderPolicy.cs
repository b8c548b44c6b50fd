namespace Konifer.Imaging;

/// <summary>
/// Blocks every libvips loader except those of the advertised formats, so that no file can reach ImageMagick,
/// poppler (PDF), openslide, librsvg, TIFF, FITS, Matlab, CSV, PPM or .v parsers. The block is on the loader
/// classes: file, buffer and source variants of the allowed loaders all stay usable, thumbnail included.
/// </summary>
internal static class VipsLoaderPolicy
{
    /// <summary>libvips class names (`vips -l`) of the loaders that stay, those of <see cref="VipsFormatTable"/>; each
    /// covers its _buffer/_source variants. VIPS_BLOCK_UNTRUSTED cannot be used instead: libvips 8.14 marks jxlload
    /// untrusted.</summary>
    public static readonly IReadOnlyList<string> AllowedLoaderClasses = [.. VipsFormatTable.Rows.Select(row => row.LoaderClass).Distinct()];

    private static readonly Lock Gate = new();
    private static bool _applied;

    /// <summary>Applies the block once per process (libvips keeps it globally).</summary>
    public static void Apply()
    {
        lock (Gate)
        {
            if (_applied) return;
            NetVips.Operation.Block("VipsForeignLoad", true);
            foreach (var loader in AllowedLoaderClasses) NetVips.Operation.Block(loader, false);
            _applied = true;
        }
    }
}
