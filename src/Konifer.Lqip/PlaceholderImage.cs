namespace Konifer.LqipEncoders;

/// <summary>
/// What the imaging side must hand the placeholder encoders: a thumbnail that fits in 100×100 (ThumbHash refuses
/// more, and more would only slow BlurHash down), decoded to 8-bit RGBA. The reference Konifer refuses larger
/// input too and always writes BlurHash with 4×4 components.
/// </summary>
public static class PlaceholderImage
{
    public const int MaxWidth = 100;
    public const int MaxHeight = 100;

    public const int BlurHashComponentsX = 4;
    public const int BlurHashComponentsY = 4;

    public static bool Fits(int width, int height) => width is >= 1 and <= MaxWidth && height is >= 1 and <= MaxHeight;
}
