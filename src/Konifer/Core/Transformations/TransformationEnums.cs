namespace Konifer.Core.Transformations;

/// <summary>How the image is fitted into a <c>w</c>×<c>h</c> box (<c>fit</c> parameter).</summary>
public enum Fit
{
    /// <summary>Inside the box, aspect kept, nothing cropped.</summary>
    Fit,
    /// <summary>Covers the box, aspect kept, cropped around the centre.</summary>
    Fill,
    /// <summary>Exactly the box, aspect ignored.</summary>
    Stretch,
    /// <summary>Covers the box, aspect kept, cropped by <see cref="Gravity"/>.</summary>
    Crop,
}

/// <summary>Where a crop keeps the image (<c>g</c> parameter).</summary>
public enum Gravity
{
    Center,
    Entropy,
    Attention,
}

/// <summary>Clockwise rotation after normalization (<c>r=auto</c> is resolved from EXIF before this).</summary>
public enum Rotation
{
    Zero,
    Ninety,
    OneHundredEighty,
    TwoHundredSeventy,
}

/// <summary>Mirroring. After normalization only <see cref="None"/> and <see cref="H"/> remain (<c>v</c> = 180° + <c>h</c>).</summary>
public enum Flip
{
    None,
    H,
    V,
}

public enum Filter
{
    None,
    BlackWhite,
    Grayscale,
    Sepia,
}

/// <summary>Output colour space (<c>cs</c> parameter).</summary>
public enum ColorSpace
{
    Origin,
    Grayscale,
    Srgb,
    P3,
}

/// <summary>Metadata blocks removed from the output (<c>strip</c> parameter).</summary>
[Flags]
public enum MetadataStrip
{
    None = 0,
    Exif = 1,
    Iptc = 2,
    Xmp = 4,
}
