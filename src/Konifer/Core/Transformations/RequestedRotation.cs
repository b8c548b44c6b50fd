namespace Konifer.Core.Transformations;

/// <summary>The <c>r</c> parameter as asked: a clockwise angle, or <see cref="Auto"/> to follow the original's EXIF orientation.</summary>
public enum RequestedRotation
{
    Zero,
    Ninety,
    OneHundredEighty,
    TwoHundredSeventy,
    Auto,
}
