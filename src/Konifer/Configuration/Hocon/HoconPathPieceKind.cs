namespace Konifer.Configuration.Hocon;

internal enum HoconPathPieceKind
{
    Unquoted,
    Quoted,
    Whitespace,
}
