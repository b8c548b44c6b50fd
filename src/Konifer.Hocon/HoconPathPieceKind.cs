namespace Konifer.Hocon;

internal enum HoconPathPieceKind
{
    Unquoted,
    Quoted,
    Whitespace,
}
