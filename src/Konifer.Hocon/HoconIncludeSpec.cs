namespace Konifer.Hocon;

/// <summary>
/// The target of an include statement: <c>include "x"</c>, <c>include file("x")</c>,
/// <c>include required("x")</c> or <c>include required(file("x"))</c>.
/// </summary>
internal sealed record HoconIncludeSpec(string Name, bool Required)
{
    /// <summary>
    /// Reads the tokens after the <c>include</c> keyword up to the end of the statement.
    /// <c>required(file(</c> arrives as one unquoted token, so unquoted text is scanned for the known words.
    /// </summary>
    public static HoconIncludeSpec Parse(IReadOnlyList<HoconToken> tokens, HoconPosition keywordPosition)
    {
        string? name = null;
        var required = false;
        var depth = 0;
        foreach (var token in tokens)
        {
            switch (token.Kind)
            {
                case HoconTokenKind.Whitespace:
                    break;
                case HoconTokenKind.QuotedString when name is null:
                    name = token.Text;
                    break;
                case HoconTokenKind.UnquotedText:
                    depth += ScanWords(token, ref required);
                    break;
                default:
                    throw token.Position.Error($"unexpected {token.Describe()} in include; expected include \"file.conf\", include file(\"file.conf\") or include required(\"file.conf\")");
            }
        }
        if (name is null) throw keywordPosition.Error("include needs a file name in double quotes, e.g. include \"other.conf\"");
        if (depth != 0) throw keywordPosition.Error("unbalanced parentheses in include statement");
        return new HoconIncludeSpec(name, required);
    }

    private static int ScanWords(HoconToken token, ref bool required)
    {
        var depth = 0;
        var text = token.Text.AsSpan();
        while (!text.IsEmpty)
        {
            if (text.StartsWith("required(")) { required = true; depth++; text = text["required(".Length..]; }
            else if (text.StartsWith("file(")) { depth++; text = text["file(".Length..]; }
            else if (text.StartsWith(")")) { depth--; text = text[1..]; }
            else if (text.StartsWith("url(") || text.StartsWith("classpath("))
            {
                throw token.Position.Error("include url(...) and classpath(...) are not supported; use include file(\"...\")");
            }
            else
            {
                throw token.Position.Error($"unexpected '{text}' in include; expected include \"file.conf\", include file(\"file.conf\") or include required(\"file.conf\")");
            }
        }
        return depth;
    }
}
