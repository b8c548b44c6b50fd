namespace Konifer.Client;

/// <summary>How an image fits a box of <c>w</c> × <c>h</c>: inside it, covering it (centre crop), stretched, or cropped by gravity.</summary>
public enum Fit
{
    Fit,
    Fill,
    Stretch,
    Crop,
}

/// <summary>What a crop keeps.</summary>
public enum Gravity
{
    Center,
    Entropy,
    Attention,
}

/// <summary>Output formats a variant can be converted to.</summary>
public enum ImageFormat
{
    Jpg,
    Png,
    Webp,
    Avif,
    Jxl,
    Heic,
    Gif,
}

/// <summary>Clockwise rotation in degrees, or <see cref="Auto"/>: as the EXIF orientation says.</summary>
public enum Rotation
{
    Zero = 0,
    Ninety = 90,
    OneHundredEighty = 180,
    TwoHundredSeventy = 270,
    Auto = -1,
}

public enum Flip
{
    None,
    Horizontal,
    Vertical,
}

public enum Filter
{
    None,
    BlackWhite,
    Grayscale,
    Sepia,
}

/// <summary>Metadata blocks a variant leaves out.</summary>
[Flags]
public enum MetadataStrip
{
    None = 0,
    Exif = 1,
    Iptc = 2,
    Xmp = 4,
}

public enum ColorSpace
{
    Origin,
    Grayscale,
    Srgb,
    P3,
}
