using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Konifer.Hocon;

/// <summary>
/// A string, number, boolean or null. <see cref="Text"/> is the text as written, used when the scalar
/// is part of a string concatenation (so <c>3.14</c> stays "3.14").
/// </summary>
internal sealed partial class HoconScalar : HoconValue
{
    private readonly object? _value;

    private HoconScalar(HoconPosition position, object? value, string text) : base(position)
    {
        _value = value;
        Text = text;
    }

    public string Text { get; }

    public static HoconScalar FromString(HoconPosition position, string value) => new(position, value, value);

    /// <summary>
    /// Unquoted text is a number, boolean or null only when it is exactly that; anything else
    /// (<c>30m</c>, <c>yes</c>, <c>/var/konifer</c>) is a string.
    /// </summary>
    public static HoconScalar FromUnquoted(HoconPosition position, string text)
    {
        object? value = text switch
        {
            "true" => true,
            "false" => false,
            "null" => null,
            _ when IntegerPattern().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => l,
            _ when DecimalPattern().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) => d,
            _ => text,
        };
        return new HoconScalar(position, value, text);
    }

    public JsonNode? CreateNode() => _value switch
    {
        null => null,
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        long l => JsonValue.Create(l),
        double d => JsonValue.Create(d),
        _ => throw new InvalidOperationException($"unexpected scalar {_value.GetType()}"),
    };

    [GeneratedRegex(@"^-?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$")]
    private static partial Regex DecimalPattern();
}
