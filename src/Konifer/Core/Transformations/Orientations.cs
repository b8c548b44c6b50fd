using Konifer.Core.Transformations;

namespace Konifer.Core.Transformations;

/// <summary>
/// The eight orientations of an image (the dihedral group D4) in canonical form: rotate clockwise by a
/// <see cref="Rotation"/>, then mirror left-to-right when the flip is <see cref="Flip.H"/>. A request applies its
/// rotation first and its flip second; a vertical flip equals a 180° turn followed by a horizontal one.
/// </summary>
public static class Orientations
{
    /// <summary>Folds <c>r</c> then <c>f</c> into the canonical pair (so <c>r=180&amp;f=h</c> and <c>f=v</c> are one pair).</summary>
    public static (Rotation Rotate, Flip Flip) Fold(Rotation rotate, Flip flip) => flip switch
    {
        Flip.None => (rotate, Flip.None),
        Flip.H => (rotate, Flip.H),
        Flip.V => (Turn(rotate, 2), Flip.H),
        _ => throw new ArgumentOutOfRangeException(nameof(flip)),
    };

    /// <summary>
    /// The pair that turns pixels stored with an EXIF orientation (1–8) upright. Values outside 1–8 mean "upright",
    /// as libvips reports an absent or broken tag.
    /// </summary>
    public static (Rotation Rotate, Flip Flip) FromExif(int orientation) => orientation switch
    {
        2 => (Rotation.Zero, Flip.H),
        3 => (Rotation.OneHundredEighty, Flip.None),
        4 => (Rotation.OneHundredEighty, Flip.H),
        5 => (Rotation.Ninety, Flip.H),
        6 => (Rotation.Ninety, Flip.None),
        7 => (Rotation.TwoHundredSeventy, Flip.H),
        8 => (Rotation.TwoHundredSeventy, Flip.None),
        _ => (Rotation.Zero, Flip.None),
    };

    /// <summary>Whether the output's width is the input's height.</summary>
    public static bool SwapsAxes(this Rotation rotate) => rotate is Rotation.Ninety or Rotation.TwoHundredSeventy;

    public static Rotation ToRotation(this RequestedRotation rotate) => rotate switch
    {
        RequestedRotation.Zero => Rotation.Zero,
        RequestedRotation.Ninety => Rotation.Ninety,
        RequestedRotation.OneHundredEighty => Rotation.OneHundredEighty,
        RequestedRotation.TwoHundredSeventy => Rotation.TwoHundredSeventy,
        _ => throw new ArgumentOutOfRangeException(nameof(rotate), "auto has no fixed angle; resolve it with FromExif"),
    };

    private static Rotation Turn(Rotation rotate, int quarters) => (Rotation)(((int)rotate + quarters) % 4);
}
