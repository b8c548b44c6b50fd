namespace Konifer.Imaging;

/// <summary>A format the service reads and writes: its libvips loader and saver, and the saver's options.</summary>
internal sealed record VipsCodec(string Name, string Loader, string Saver, IReadOnlyDictionary<string, object>? SaveOptions = null)
{
    /// <summary>Every format the service advertises (uploads, <c>?format=</c>), from <see cref="VipsFormatTable"/>.</summary>
    public static readonly IReadOnlyList<VipsCodec> Advertised = [.. VipsFormatTable.Rows.Select(row => row.Codec)];
}
