namespace Konifer.Hocon;

/// <summary>A piece of a path expression as written: unquoted text is split on '.', quoted text is not.</summary>
internal readonly record struct HoconPathPiece(string Text, HoconPathPieceKind Kind);
