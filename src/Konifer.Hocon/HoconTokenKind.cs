namespace Konifer.Hocon;

internal enum HoconTokenKind
{
    OpenBrace,
    CloseBrace,
    OpenBracket,
    CloseBracket,
    Comma,
    Equals,
    Colon,
    PlusEquals,
    Newline,
    Whitespace,
    QuotedString,
    UnquotedText,
    Substitution,
    End,
}
