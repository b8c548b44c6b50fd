namespace Konifer.Hocon;

internal sealed class HoconArray(HoconPosition position, IReadOnlyList<HoconValue> elements) : HoconValue(position)
{
    public IReadOnlyList<HoconValue> Elements { get; } = elements;
}
