// Written by hand: a page needs a decoded placeholder (at most 32×32 pixels) as a `data:image/png` URL, and the
// packages that write PNG bring a native imaging library (libvips, SkiaSharp) into what is otherwise a small client.
// PNG is simple at this size: one IDAT of zlib-compressed scanlines (the BCL's ZLibStream) and CRC-32 per chunk.
using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Konifer.LqipEncoders;

/// <summary>RGBA pixels (not premultiplied) as a PNG <c>data:</c> URL, for a placeholder in HTML or CSS.</summary>
public static class PngDataUrl
{
    private static readonly uint[] CrcTable = BuildCrcTable();

    public static string FromRgba(int width, int height, ReadOnlySpan<byte> rgba)
    {
        RgbaBuffer.Validate(rgba, width, height);
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);

        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 8; // bits per channel
        header[9] = 6; // RGBA
        WriteChunk(png, "IHDR", header);

        using (var pixels = new MemoryStream())
        {
            using (var zlib = new ZLibStream(pixels, CompressionLevel.Optimal, leaveOpen: true))
            {
                for (var y = 0; y < height; y++)
                {
                    zlib.WriteByte(0); // no filter
                    zlib.Write(rgba.Slice(y * width * 4, width * 4));
                }
            }
            WriteChunk(png, "IDAT", pixels.GetBuffer().AsSpan(0, (int)pixels.Length));
        }
        WriteChunk(png, "IEND", []);
        return "data:image/png;base64," + Convert.ToBase64String(png.GetBuffer(), 0, (int)png.Length);
    }

    /// <summary>A ThumbHash (as Konifer returns it: base64) decoded, as a PNG data URL.</summary>
    public static string FromThumbHash(string base64Hash)
    {
        var image = ThumbHash.ToRgba(Convert.FromBase64String(base64Hash));
        return FromRgba(image.Width, image.Height, image.Rgba);
    }

    private static void WriteChunk(Stream png, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        png.Write(word);
        Span<byte> name = stackalloc byte[4];
        Encoding.ASCII.GetBytes(type, name);
        png.Write(name);
        png.Write(data);
        var crc = Crc(Crc(0xFFFFFFFFu, name), data) ^ 0xFFFFFFFFu;
        BinaryPrimitives.WriteUInt32BigEndian(word, crc);
        png.Write(word);
    }

    private static uint Crc(uint crc, ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes) crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}
