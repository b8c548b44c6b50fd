namespace Konifer.Hocon;

/// <summary>
/// A parsed but not yet resolved value. Substitutions, concatenations and overrides are kept as nodes
/// so that they can be resolved against the whole document once parsing (and including) is done.
/// </summary>
internal abstract class HoconValue(HoconPosition position)
{
    public HoconPosition Position { get; } = position;
}
