// Hand-written: no BlurHash package is served to this project. The sRGB transfer curve as BlurHash's encoders use it.
namespace Konifer.LqipEncoders;

/// <summary>BlurHash averages colours in linear light and stores the average back as 8-bit sRGB.</summary>
internal static class SrgbTransfer
{
    // The curve is applied once per pixel and channel; 256 precomputed values keep encoding cheap.
    private static readonly double[] LinearOfByte = BuildLinearTable();

    public static double ToLinear(byte value) => LinearOfByte[value];

    /// <summary>Linear light in 0..1 (clamped) to the nearest 8-bit sRGB value, halves rounding up.</summary>
    public static int ToSrgb(double linear)
    {
        var v = Math.Max(0, Math.Min(1, linear));
        return v <= 0.0031308
            ? (int)(v * 12.92 * 255 + 0.5)
            : (int)((1.055 * Math.Pow(v, 1 / 2.4) - 0.055) * 255 + 0.5);
    }

    private static double[] BuildLinearTable()
    {
        var table = new double[256];
        for (var i = 0; i < table.Length; i++)
        {
            var v = i / 255.0;
            table[i] = v <= 0.04045 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4);
        }
        return table;
    }
}
