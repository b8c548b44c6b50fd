using System.Buffers.Binary;
using Konifer.Core.Images;

namespace Konifer.Imaging;

/// <summary>
/// Written by hand because nothing else does it: Debian's libvips 8.14 JPEG and WebP savers always write an EXIF
/// block (rebuilt from resolution and orientation even after every exif field is removed, and its WebP saver ignores
/// <c>strip</c>), and no served NuGet package removes a block from an encoded file without re-encoding it. This copies
/// the file, streaming, and leaves out the JPEG <c>APP1 Exif</c> segments or the WebP <c>EXIF</c> chunk.
/// </summary>
internal static class ExifBlockRemover
{
    private static readonly byte[] ExifHeader = "Exif\0\0"u8.ToArray();

    /// <summary>The containers this knows how to edit: JPEG segments and RIFF chunks are different algorithms.</summary>
    public static void Copy(string sourceFile, string outputFile, ImageFormat format)
    {
        Action<Stream, Stream> copy = format switch
        {
            ImageFormat.Jpeg => CopyJpeg,
            ImageFormat.Webp => CopyWebp,
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "No EXIF block remover for this format"),
        };
        using var source = new FileStream(sourceFile, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
        using var output = new FileStream(outputFile, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024);
        copy(source, output);
    }

    /// <summary>Segments up to the start of scan are copied one by one; the entropy-coded rest is copied whole.</summary>
    private static void CopyJpeg(Stream source, Stream output)
    {
        Span<byte> two = stackalloc byte[2];
        source.ReadExactly(two);
        if (two[0] != 0xFF || two[1] != 0xD8) throw new InvalidDataException("Not a JPEG file.");
        output.Write(two);
        while (true)
        {
            var marker = NextMarker(source);
            if (marker is 0xDA or 0xD9 || marker is >= 0xD0 and <= 0xD7 || marker == 0x01)
            {
                output.Write([0xFF, marker]);
                source.CopyTo(output);
                return;
            }
            source.ReadExactly(two);
            var length = BinaryPrimitives.ReadUInt16BigEndian(two);
            if (length < 2) throw new InvalidDataException("Corrupt JPEG segment length.");
            var payload = new byte[length - 2];
            source.ReadExactly(payload);
            if (marker == 0xE1 && payload.AsSpan().StartsWith(ExifHeader)) continue;
            output.Write([0xFF, marker]);
            output.Write(two);
            output.Write(payload);
        }
    }

    private static byte NextMarker(Stream source)
    {
        var value = source.ReadByte();
        if (value != 0xFF) throw new InvalidDataException("Expected a JPEG marker.");
        do value = source.ReadByte(); while (value == 0xFF); // fill bytes
        if (value < 0) throw new EndOfStreamException();
        return (byte)value;
    }

    /// <summary>RIFF chunks are listed first (headers only) so the new RIFF size can be written before the copy.</summary>
    private static void CopyWebp(Stream source, Stream output)
    {
        Span<byte> header = stackalloc byte[12];
        source.ReadExactly(header);
        if (!header[..4].SequenceEqual("RIFF"u8) || !header[8..12].SequenceEqual("WEBP"u8))
            throw new InvalidDataException("Not a WebP file.");
        var chunks = new List<(long Offset, string Kind, long Size)>();
        Span<byte> chunkHeader = stackalloc byte[8];
        while (source.Position + 8 <= source.Length)
        {
            var offset = source.Position;
            source.ReadExactly(chunkHeader);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(chunkHeader[4..]);
            var padded = size + (size & 1);
            chunks.Add((offset, System.Text.Encoding.ASCII.GetString(chunkHeader[..4]), 8 + padded));
            source.Seek(padded, SeekOrigin.Current);
        }
        var kept = chunks.Where(c => c.Kind != "EXIF").ToList();
        var riffSize = 4 + kept.Sum(c => c.Size);
        output.Write("RIFF"u8);
        Span<byte> size32 = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(size32, checked((uint)riffSize));
        output.Write(size32);
        output.Write("WEBP"u8);
        foreach (var (offset, kind, size) in kept)
        {
            source.Seek(offset, SeekOrigin.Begin);
            if (kind == "VP8X")
            {
                // The extended header announces an EXIF chunk with flag bit 3; it must not promise one that is gone.
                var chunk = new byte[size];
                source.ReadExactly(chunk);
                chunk[8] &= unchecked((byte)~0x08);
                output.Write(chunk);
            }
            else
            {
                CopyBytes(source, output, size);
            }
        }
    }

    private static void CopyBytes(Stream source, Stream output, long count)
    {
        var buffer = new byte[(int)Math.Min(count, 81920)];
        while (count > 0)
        {
            var read = source.Read(buffer, 0, (int)Math.Min(buffer.Length, count));
            if (read == 0) throw new EndOfStreamException();
            output.Write(buffer, 0, read);
            count -= read;
        }
    }
}
