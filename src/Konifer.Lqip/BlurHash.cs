// Hand-written: no BlurHash package is served to this project. Follows woltapp/blurhash (Algorithm.md and the
// TypeScript encoder published on npm as "blurhash"), operation for operation, so that hashes match it exactly.
namespace Konifer.LqipEncoders;

/// <summary>
/// BlurHash placeholders: a few DCT components of the image in linear light, written as a short base-83 string
/// that clients turn back into a blurred preview before the image arrives.
/// </summary>
public static class BlurHash
{
    public const int MinComponents = 1;
    public const int MaxComponents = 9;

    /// <summary>Encodes 8-bit RGBA pixels (row by row, 4 bytes each; alpha is ignored, as BlurHash has none).</summary>
    public static string Encode(ReadOnlySpan<byte> rgba, int width, int height, int componentsX = 4, int componentsY = 3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(componentsX, MinComponents);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(componentsX, MaxComponents);
        ArgumentOutOfRangeException.ThrowIfLessThan(componentsY, MinComponents);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(componentsY, MaxComponents);
        RgbaBuffer.Validate(rgba, width, height);

        var factors = new double[componentsX * componentsY, 3];
        var cosinesX = Cosines(componentsX, width);
        var cosinesY = Cosines(componentsY, height);
        var scale = 1.0 / (width * height);
        for (var j = 0; j < componentsY; j++)
        for (var i = 0; i < componentsX; i++)
        {
            var normalisation = i == 0 && j == 0 ? 1.0 : 2.0;
            double r = 0, g = 0, b = 0;
            // Column by column, like the reference: the order of the additions decides the last bits.
            for (var x = 0; x < width; x++)
            for (var y = 0; y < height; y++)
            {
                var basis = normalisation * cosinesX[i, x] * cosinesY[j, y];
                var p = (y * width + x) * 4;
                r += basis * SrgbTransfer.ToLinear(rgba[p]);
                g += basis * SrgbTransfer.ToLinear(rgba[p + 1]);
                b += basis * SrgbTransfer.ToLinear(rgba[p + 2]);
            }
            var k = j * componentsX + i;
            factors[k, 0] = r * scale;
            factors[k, 1] = g * scale;
            factors[k, 2] = b * scale;
        }

        var hash = new char[4 + 2 * componentsX * componentsY];
        Base83.Encode(componentsX - 1 + (componentsY - 1) * 9, 1, hash.AsSpan(0, 1));

        var maximumValue = 1.0;
        var quantisedMaximum = 0;
        if (factors.GetLength(0) > 1)
        {
            // The signed maximum, not the largest magnitude: that is what the TypeScript and Kotlin encoders
            // (and so the reference Konifer) write, and the decoders only ever read the quantised value back.
            var actualMaximum = double.NegativeInfinity;
            for (var k = 1; k < factors.GetLength(0); k++)
                actualMaximum = Math.Max(actualMaximum, Math.Max(factors[k, 0], Math.Max(factors[k, 1], factors[k, 2])));
            quantisedMaximum = (int)Math.Max(0, Math.Min(82, Math.Floor(actualMaximum * 166 - 0.5)));
            maximumValue = (quantisedMaximum + 1) / 166.0;
        }
        Base83.Encode(quantisedMaximum, 1, hash.AsSpan(1, 1));

        var dc = (SrgbTransfer.ToSrgb(factors[0, 0]) << 16) + (SrgbTransfer.ToSrgb(factors[0, 1]) << 8) + SrgbTransfer.ToSrgb(factors[0, 2]);
        Base83.Encode(dc, 4, hash.AsSpan(2, 4));

        for (var k = 1; k < factors.GetLength(0); k++)
        {
            var ac = QuantiseAc(factors[k, 0], maximumValue) * 19 * 19
                     + QuantiseAc(factors[k, 1], maximumValue) * 19
                     + QuantiseAc(factors[k, 2], maximumValue);
            Base83.Encode(ac, 2, hash.AsSpan(4 + 2 * k, 2));
        }
        return new string(hash);
    }

    /// <summary>
    /// Renders a hash as <paramref name="width"/>×<paramref name="height"/> opaque RGBA pixels (punch 1), as the
    /// reference decoder does.
    /// </summary>
    public static byte[] Decode(string hash, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(hash);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if (hash.Length < 6) throw new ArgumentException("A BlurHash has at least 6 characters.", nameof(hash));
        var sizeFlag = Base83.Decode(hash.AsSpan(0, 1));
        if (sizeFlag < 0 || sizeFlag > 80) throw new ArgumentException("The BlurHash size flag is not valid.", nameof(hash));
        var componentsX = sizeFlag % 9 + 1;
        var componentsY = sizeFlag / 9 + 1;
        if (hash.Length != 4 + 2 * componentsX * componentsY)
            throw new ArgumentException($"A BlurHash with {componentsX}×{componentsY} components has {4 + 2 * componentsX * componentsY} characters, not {hash.Length}.", nameof(hash));
        if (!Base83.IsDigits(hash)) throw new ArgumentException("A BlurHash holds base-83 digits only.", nameof(hash));

        var maximumValue = (Base83.Decode(hash.AsSpan(1, 1)) + 1) / 166.0;
        var colours = new double[componentsX * componentsY, 3];
        var dc = Base83.Decode(hash.AsSpan(2, 4));
        colours[0, 0] = SrgbTransfer.ToLinear((byte)(dc >> 16));
        colours[0, 1] = SrgbTransfer.ToLinear((byte)((dc >> 8) & 255));
        colours[0, 2] = SrgbTransfer.ToLinear((byte)(dc & 255));
        for (var k = 1; k < colours.GetLength(0); k++)
        {
            var ac = Base83.Decode(hash.AsSpan(4 + 2 * k, 2));
            colours[k, 0] = SignedSquare((ac / (19 * 19) - 9) / 9.0) * maximumValue;
            colours[k, 1] = SignedSquare((ac / 19 % 19 - 9) / 9.0) * maximumValue;
            colours[k, 2] = SignedSquare((ac % 19 - 9) / 9.0) * maximumValue;
        }

        var pixels = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
        for (var x = 0; x < width; x++)
        {
            double r = 0, g = 0, b = 0;
            for (var j = 0; j < componentsY; j++)
            for (var i = 0; i < componentsX; i++)
            {
                var basis = FdlibmCosine.Cos(Math.PI * x * i / width) * FdlibmCosine.Cos(Math.PI * y * j / height);
                var k = i + j * componentsX;
                r += colours[k, 0] * basis;
                g += colours[k, 1] * basis;
                b += colours[k, 2] * basis;
            }
            var p = (y * width + x) * 4;
            pixels[p] = (byte)SrgbTransfer.ToSrgb(r);
            pixels[p + 1] = (byte)SrgbTransfer.ToSrgb(g);
            pixels[p + 2] = (byte)SrgbTransfer.ToSrgb(b);
            pixels[p + 3] = 255;
        }
        return pixels;
    }

    /// <summary>cos(π·i·x / size) for every component i and pixel x, computed the way the reference does.</summary>
    private static double[,] Cosines(int components, int size)
    {
        var cosines = new double[components, size];
        for (var i = 0; i < components; i++)
        for (var x = 0; x < size; x++)
            cosines[i, x] = FdlibmCosine.Cos(Math.PI * i * x / size);
        return cosines;
    }

    /// <summary>An AC value in −max..max as 0..18 on a square-root scale (9 is zero).</summary>
    private static int QuantiseAc(double value, double maximumValue)
    {
        var v = value / maximumValue;
        var signedRoot = (v < 0 ? -1 : 1) * Math.Sqrt(Math.Abs(v));
        return (int)Math.Max(0, Math.Min(18, Math.Floor(signedRoot * 9 + 9.5)));
    }

    private static double SignedSquare(double value) => (value < 0 ? -1 : 1) * value * value;
}
