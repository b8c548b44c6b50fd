namespace Konifer.LqipEncoders;

/// <summary>
/// The reference encoders are JavaScript: their Math.round sends halves up (towards +∞), where .NET's default
/// is to even; hashes must agree bit for bit, so the encoders round through here.
/// </summary>
internal static class JsRounding
{
    public static int Round(double value)
    {
        var floor = Math.Floor(value);
        return (int)(value - floor >= 0.5 ? floor + 1 : floor);
    }
}
