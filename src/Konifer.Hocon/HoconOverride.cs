namespace Konifer.Hocon;

/// <summary>
/// A field defined twice where the outcome depends on resolution: if <see cref="Value"/> turns out missing
/// (an unset <c>${?X}</c>) the <see cref="Previous"/> value stays; if both are objects they merge; otherwise
/// <see cref="Value"/> wins.
/// </summary>
internal sealed class HoconOverride(HoconValue previous, HoconValue value) : HoconValue(value.Position)
{
    public HoconValue Previous { get; } = previous;

    public HoconValue Value { get; } = value;
}
