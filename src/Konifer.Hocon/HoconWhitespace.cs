namespace Konifer.Hocon;

/// <summary>Whitespace between the parts of a value concatenation (kept for strings, ignored for lists and objects).</summary>
internal sealed class HoconWhitespace(HoconPosition position, string text) : HoconValue(position)
{
    public string Text { get; } = text;
}
