namespace Konifer.LqipEncoders;

/// <summary>Both encoders take the same pixel layout; a wrong length would silently read the wrong pixels.</summary>
internal static class RgbaBuffer
{
    public const int BytesPerPixel = 4;

    public static void Validate(ReadOnlySpan<byte> rgba, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        var expected = (long)width * height * BytesPerPixel;
        if (rgba.Length != expected)
            throw new ArgumentException(
                $"{width}×{height} RGBA pixels take {expected} bytes, not {rgba.Length}.", nameof(rgba));
    }
}
