namespace Konifer.Hocon;

/// <summary>
/// One token. <see cref="Text"/> is the string value for quoted strings, the raw text otherwise.
/// Substitution tokens also carry their parsed path and whether they are optional (<c>${?x}</c>).
/// </summary>
internal sealed record HoconToken(HoconTokenKind Kind, string Text, HoconPosition Position)
{
    public HoconPath? SubstitutionPath { get; init; }

    public bool IsOptional { get; init; }

    public string Describe() => Kind switch
    {
        HoconTokenKind.End => "the end of the input",
        HoconTokenKind.Newline => "a newline",
        HoconTokenKind.Whitespace => "whitespace",
        HoconTokenKind.QuotedString => $"the string \"{Text}\"",
        HoconTokenKind.UnquotedText => $"'{Text}'",
        HoconTokenKind.Substitution => $"the substitution {Text}",
        _ => $"'{Text}'",
    };
}
