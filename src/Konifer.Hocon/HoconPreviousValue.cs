namespace Konifer.Hocon;

/// <summary>
/// A self-referential substitution, e.g. the <c>${path}</c> in <c>path = ${path}":extra"</c>: it refers to the
/// value the field had before this definition, not to the final value.
/// </summary>
internal sealed class HoconPreviousValue(HoconSubstitution substitution, HoconValue previous, HoconPath remainder)
    : HoconValue(substitution.Position)
{
    public HoconSubstitution Substitution { get; } = substitution;

    /// <summary>The earlier value of the field being defined.</summary>
    public HoconValue Previous { get; } = previous;

    /// <summary>The rest of the substitution path below the field, usually empty.</summary>
    public HoconPath Remainder { get; } = remainder;
}
