// Hand-written: no BlurHash package is served to this project. BlurHash's own base-83 alphabet (Algorithm.md).
namespace Konifer.LqipEncoders;

/// <summary>The JSON-, HTML- and shell-safe base-83 digits that BlurHash strings are written in.</summary>
internal static class Base83
{
    private const string Digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";
    private static readonly System.Buffers.SearchValues<char> Alphabet = System.Buffers.SearchValues.Create(Digits);

    /// <summary>Writes <paramref name="value"/> as exactly <paramref name="length"/> digits, most significant first.</summary>
    public static void Encode(int value, int length, Span<char> destination)
    {
        for (var i = length - 1; i >= 0; i--)
        {
            destination[i] = Digits[value % 83];
            value /= 83;
        }
    }

    public static bool IsDigits(ReadOnlySpan<char> text) => !text.ContainsAnyExcept(Alphabet);

    /// <summary>The value of the digits, or -1 when one of them is not a base-83 digit.</summary>
    public static int Decode(ReadOnlySpan<char> digits)
    {
        var value = 0;
        foreach (var c in digits)
        {
            var digit = Digits.IndexOf(c, StringComparison.Ordinal);
            if (digit < 0) return -1;
            value = value * 83 + digit;
        }
        return value;
    }
}
