// Hand-written: no ThumbHash package is served to this project. Follows evanw/thumbhash (the JavaScript reference
// "thumbhash.js", rgbaToThumbHash and thumbHashToRGBA), operation for operation, so that hashes match it exactly.
namespace Konifer.LqipEncoders;

/// <summary>
/// ThumbHash placeholders: luminance, two chroma channels and alpha as a few DCT terms, packed into about 25 bytes.
/// Unlike BlurHash it keeps transparency and the approximate aspect ratio.
/// </summary>
public static class ThumbHash
{
    /// <summary>Encodes 8-bit RGBA pixels (row by row, 4 bytes each, not premultiplied) of at most 100×100.</summary>
    public static byte[] Encode(ReadOnlySpan<byte> rgba, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, PlaceholderImage.MaxWidth);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, PlaceholderImage.MaxHeight);
        RgbaBuffer.Validate(rgba, width, height);
        var count = width * height;

        // The average colour, weighted by alpha
        double avgR = 0, avgG = 0, avgB = 0, avgA = 0;
        for (int i = 0, p = 0; i < count; i++, p += 4)
        {
            var alpha = rgba[p + 3] / 255.0;
            avgR += alpha / 255 * rgba[p];
            avgG += alpha / 255 * rgba[p + 1];
            avgB += alpha / 255 * rgba[p + 2];
            avgA += alpha;
        }
        if (avgA != 0)
        {
            avgR /= avgA;
            avgG /= avgA;
            avgB /= avgA;
        }

        var hasAlpha = avgA < count;
        var luminanceLimit = hasAlpha ? 5 : 7; // fewer luminance terms leave room for alpha
        var longestSide = (double)Math.Max(width, height);
        var lx = Math.Max(1, JsRounding.Round(luminanceLimit * width / longestSide));
        var ly = Math.Max(1, JsRounding.Round(luminanceLimit * height / longestSide));

        // RGBA to LPQA, composited over the average colour so transparent pixels do not drag colours to black
        var l = new double[count];
        var pChannel = new double[count];
        var q = new double[count];
        var a = new double[count];
        for (int i = 0, p = 0; i < count; i++, p += 4)
        {
            var alpha = rgba[p + 3] / 255.0;
            var r = avgR * (1 - alpha) + alpha / 255 * rgba[p];
            var g = avgG * (1 - alpha) + alpha / 255 * rgba[p + 1];
            var b = avgB * (1 - alpha) + alpha / 255 * rgba[p + 2];
            l[i] = (r + g + b) / 3;
            pChannel[i] = (r + g) / 2 - b;
            q[i] = r - g;
            a[i] = alpha;
        }

        var lum = EncodeChannel(l, width, height, Math.Max(3, lx), Math.Max(3, ly));
        var yellowBlue = EncodeChannel(pChannel, width, height, 3, 3);
        var redGreen = EncodeChannel(q, width, height, 3, 3);
        var alphaTerms = hasAlpha ? EncodeChannel(a, width, height, 5, 5) : default;

        var isLandscape = width > height;
        var header24 = JsRounding.Round(63 * lum.Dc)
                       | (JsRounding.Round(31.5 + 31.5 * yellowBlue.Dc) << 6)
                       | (JsRounding.Round(31.5 + 31.5 * redGreen.Dc) << 12)
                       | (JsRounding.Round(31 * lum.Scale) << 18)
                       | (hasAlpha ? 1 << 23 : 0);
        var header16 = (isLandscape ? ly : lx)
                       | (JsRounding.Round(63 * yellowBlue.Scale) << 3)
                       | (JsRounding.Round(63 * redGreen.Scale) << 9)
                       | (isLandscape ? 1 << 15 : 0);

        var acStart = hasAlpha ? 6 : 5;
        var acCount = lum.Ac.Length + yellowBlue.Ac.Length + redGreen.Ac.Length + (hasAlpha ? alphaTerms.Ac.Length : 0);
        var hash = new byte[acStart + (acCount + 1) / 2];
        hash[0] = (byte)header24;
        hash[1] = (byte)(header24 >> 8);
        hash[2] = (byte)(header24 >> 16);
        hash[3] = (byte)header16;
        hash[4] = (byte)(header16 >> 8);
        if (hasAlpha) hash[5] = (byte)(JsRounding.Round(15 * alphaTerms.Dc) | (JsRounding.Round(15 * alphaTerms.Scale) << 4));

        // Four bits per AC term, low nibble first
        var index = 0;
        foreach (var channel in hasAlpha ? [lum, yellowBlue, redGreen, alphaTerms] : new[] { lum, yellowBlue, redGreen })
        foreach (var term in channel.Ac)
        {
            hash[acStart + (index >> 1)] |= (byte)(JsRounding.Round(15 * term) << ((index & 1) << 2));
            index++;
        }
        return hash;
    }

    /// <summary>The form Konifer stores and returns: standard, padded base64 of the hash bytes.</summary>
    public static string EncodeToBase64(ReadOnlySpan<byte> rgba, int width, int height) =>
        Convert.ToBase64String(Encode(rgba, width, height));

    /// <summary>Renders a hash as the reference does: at most 32 pixels on the longer side, RGBA not premultiplied.</summary>
    public static ThumbHashImage ToRgba(byte[] hash)
    {
        ArgumentNullException.ThrowIfNull(hash);
        if (hash.Length < 5) throw new ArgumentException("A ThumbHash has at least 5 bytes.", nameof(hash));
        var header24 = hash[0] | (hash[1] << 8) | (hash[2] << 16);
        var header16 = hash[3] | (hash[4] << 8);
        var lDc = (header24 & 63) / 63.0;
        var pDc = ((header24 >> 6) & 63) / 31.5 - 1;
        var qDc = ((header24 >> 12) & 63) / 31.5 - 1;
        var lScale = ((header24 >> 18) & 31) / 31.0;
        var hasAlpha = (header24 >> 23) != 0;
        var pScale = ((header16 >> 3) & 63) / 63.0;
        var qScale = ((header16 >> 9) & 63) / 63.0;
        var isLandscape = (header16 >> 15) != 0;
        var lx = Math.Max(3, isLandscape ? hasAlpha ? 5 : 7 : header16 & 7);
        var ly = Math.Max(3, isLandscape ? header16 & 7 : hasAlpha ? 5 : 7);
        var acStart = hasAlpha ? 6 : 5;
        var acCount = TriangleCount(lx, ly) + 2 * TriangleCount(3, 3) + (hasAlpha ? TriangleCount(5, 5) : 0);
        if (hash.Length < acStart + (acCount + 1) / 2)
            throw new ArgumentException($"This ThumbHash needs {acStart + (acCount + 1) / 2} bytes, not {hash.Length}.", nameof(hash));
        var aDc = hasAlpha ? (hash[5] & 15) / 15.0 : 1;
        var aScale = (hash[5] >> 4) / 15.0;

        // AC terms; chroma boosted 1.25× to make up for quantisation, as the reference does
        var index = 0;
        double[] DecodeChannel(int nx, int ny, double scale)
        {
            var ac = new double[TriangleCount(nx, ny)];
            var k = 0;
            for (var cy = 0; cy < ny; cy++)
            for (var cx = cy != 0 ? 0 : 1; cx * ny < nx * (ny - cy); cx++, index++)
                ac[k++] = (((hash[acStart + (index >> 1)] >> ((index & 1) << 2)) & 15) / 7.5 - 1) * scale;
            return ac;
        }
        var lAc = DecodeChannel(lx, ly, lScale);
        var pAc = DecodeChannel(3, 3, pScale * 1.25);
        var qAc = DecodeChannel(3, 3, qScale * 1.25);
        var aAc = hasAlpha ? DecodeChannel(5, 5, aScale) : [];

        var ratio = ApproximateAspectRatio(hash);
        var w = JsRounding.Round(ratio > 1 ? 32 : 32 * ratio);
        var h = JsRounding.Round(ratio > 1 ? 32 / ratio : 32);
        var rgba = new byte[w * h * 4];
        var fx = new double[Math.Max(lx, hasAlpha ? 5 : 3)];
        var fy = new double[Math.Max(ly, hasAlpha ? 5 : 3)];
        for (int y = 0, i = 0; y < h; y++)
        for (var x = 0; x < w; x++, i += 4)
        {
            double l = lDc, p = pDc, q = qDc, a = aDc;
            for (var cx = 0; cx < fx.Length; cx++) fx[cx] = FdlibmCosine.Cos(Math.PI / w * (x + 0.5) * cx);
            for (var cy = 0; cy < fy.Length; cy++) fy[cy] = FdlibmCosine.Cos(Math.PI / h * (y + 0.5) * cy);

            for (int cy = 0, j = 0; cy < ly; cy++)
            {
                var fy2 = fy[cy] * 2;
                for (var cx = cy != 0 ? 0 : 1; cx * ly < lx * (ly - cy); cx++, j++) l += lAc[j] * fx[cx] * fy2;
            }
            for (int cy = 0, j = 0; cy < 3; cy++)
            {
                var fy2 = fy[cy] * 2;
                for (var cx = cy != 0 ? 0 : 1; cx < 3 - cy; cx++, j++)
                {
                    var f = fx[cx] * fy2;
                    p += pAc[j] * f;
                    q += qAc[j] * f;
                }
            }
            if (hasAlpha)
                for (int cy = 0, j = 0; cy < 5; cy++)
                {
                    var fy2 = fy[cy] * 2;
                    for (var cx = cy != 0 ? 0 : 1; cx < 5 - cy; cx++, j++) a += aAc[j] * fx[cx] * fy2;
                }

            var b = l - 2.0 / 3 * p;
            var r = (3 * l - b + q) / 2;
            var g = r - q;
            rgba[i] = ToByte(r);
            rgba[i + 1] = ToByte(g);
            rgba[i + 2] = ToByte(b);
            rgba[i + 3] = ToByte(a);
        }
        return new ThumbHashImage(w, h, rgba);
    }

    /// <summary>Width over height of the encoded image, as far as the luminance term counts tell it.</summary>
    public static double ApproximateAspectRatio(ReadOnlySpan<byte> hash)
    {
        if (hash.Length < 5) throw new ArgumentException("A ThumbHash has at least 5 bytes.", nameof(hash));
        var hasAlpha = (hash[2] & 0x80) != 0;
        var isLandscape = (hash[4] & 0x80) != 0;
        var lx = isLandscape ? hasAlpha ? 5 : 7 : hash[3] & 7;
        var ly = isLandscape ? hash[3] & 7 : hasAlpha ? 5 : 7;
        return (double)lx / ly;
    }

    private readonly record struct ChannelTerms(double Dc, double[] Ac, double Scale);

    /// <summary>The DCT terms in the triangle cx·ny &lt; nx·(ny − cy); AC terms normalised to 0..1 by the largest.</summary>
    private static ChannelTerms EncodeChannel(double[] channel, int width, int height, int nx, int ny)
    {
        double dc = 0, scale = 0;
        var ac = new List<double>();
        var fx = new double[width];
        for (var cy = 0; cy < ny; cy++)
        for (var cx = 0; cx * ny < nx * (ny - cy); cx++)
        {
            double f = 0;
            for (var x = 0; x < width; x++) fx[x] = FdlibmCosine.Cos(Math.PI / width * cx * (x + 0.5));
            for (var y = 0; y < height; y++)
            {
                var fy = FdlibmCosine.Cos(Math.PI / height * cy * (y + 0.5));
                for (var x = 0; x < width; x++) f += channel[x + y * width] * fx[x] * fy;
            }
            f /= width * height;
            if (cx != 0 || cy != 0)
            {
                ac.Add(f);
                scale = Math.Max(scale, Math.Abs(f));
            }
            else
            {
                dc = f;
            }
        }
        var terms = ac.ToArray();
        if (scale != 0)
            for (var i = 0; i < terms.Length; i++) terms[i] = 0.5 + 0.5 / scale * terms[i];
        return new ChannelTerms(dc, terms, scale);
    }

    private static int TriangleCount(int nx, int ny)
    {
        var count = 0;
        for (var cy = 0; cy < ny; cy++)
        for (var cx = cy != 0 ? 0 : 1; cx * ny < nx * (ny - cy); cx++) count++;
        return count;
    }

    /// <summary>Clamped to 0..255 and truncated, as a JavaScript Uint8Array store does.</summary>
    private static byte ToByte(double value) => (byte)Math.Max(0, 255 * Math.Min(1, value));
}
