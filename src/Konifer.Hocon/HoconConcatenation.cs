namespace Konifer.Hocon;

/// <summary>Several values written next to each other, e.g. <c>foo bar</c>, <c>${a}"x"</c> or <c>[1] [2]</c>.</summary>
internal sealed class HoconConcatenation(HoconPosition position, IReadOnlyList<HoconValue> parts) : HoconValue(position)
{
    public IReadOnlyList<HoconValue> Parts { get; } = parts;
}
