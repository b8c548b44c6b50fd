namespace Konifer.Hocon;

/// <summary>An object; fields keep the order in which their keys were first defined.</summary>
internal sealed class HoconObject(HoconPosition position) : HoconValue(position)
{
    public OrderedDictionary<string, HoconValue> Fields { get; } = new(StringComparer.Ordinal);
}
