using System.Globalization;
using System.Text;

namespace Konifer.Hocon;

/// <summary>
/// Splits HOCON text into tokens. Whitespace and newlines are tokens too, because the parser needs them:
/// newlines separate fields and whitespace between unquoted words is kept in value concatenations.
/// Comments (<c>#</c> and <c>//</c>) are dropped; the newline ending them is kept.
/// </summary>
internal sealed class HoconTokenizer
{
    /// <summary>Characters that may not appear in unquoted text (HOCON spec, "Unquoted strings").</summary>
    private const string Reserved = "$\"{}[]:=,+#`^?!@*&\\";

    private readonly string _text;
    private readonly string? _filePath;
    private readonly List<HoconToken> _tokens = [];
    private int _index;
    private int _line = 1;
    private int _column = 1;

    private HoconTokenizer(string text, string? filePath)
    {
        _text = text;
        _filePath = filePath;
    }

    public static List<HoconToken> Tokenize(string text, string? filePath)
    {
        var tokenizer = new HoconTokenizer(text, filePath);
        tokenizer.Run();
        return tokenizer._tokens;
    }

    private HoconPosition Position => new(_line, _column, _filePath);

    private bool AtEnd => _index >= _text.Length;

    private char Peek(int offset = 0) => _index + offset < _text.Length ? _text[_index + offset] : '\0';

    private char Advance()
    {
        var c = _text[_index++];
        if (c == '\n')
        {
            _line++;
            _column = 1;
        }
        else
        {
            _column++;
        }
        return c;
    }

    private static bool IsWhitespace(char c) => c != '\n' && (char.IsWhiteSpace(c) || c == '\uFEFF');

    private bool AtCommentStart => Peek() == '#' || (Peek() == '/' && Peek(1) == '/');

    private void Run()
    {
        while (!AtEnd)
        {
            var start = Position;
            var c = Peek();
            if (c == '\n')
            {
                Advance();
                Add(HoconTokenKind.Newline, "\n", start);
            }
            else if (IsWhitespace(c))
            {
                Add(HoconTokenKind.Whitespace, ReadWhitespace(), start);
            }
            else if (AtCommentStart)
            {
                while (!AtEnd && Peek() != '\n') Advance();
            }
            else if (c == '"')
            {
                var isTriple = Peek(1) == '"' && Peek(2) == '"';
                Add(HoconTokenKind.QuotedString, isTriple ? ReadTripleQuoted() : ReadQuoted(), start);
            }
            else if (TryReadPunctuation(start))
            {
            }
            else if (c == '$')
            {
                _tokens.Add(ReadSubstitution());
            }
            else if (Reserved.Contains(c))
            {
                throw ReservedCharacter(c, start);
            }
            else
            {
                Add(HoconTokenKind.UnquotedText, ReadUnquoted(), start);
            }
        }
        Add(HoconTokenKind.End, "", Position);
    }

    private void Add(HoconTokenKind kind, string text, HoconPosition position) => _tokens.Add(new HoconToken(kind, text, position));

    private bool TryReadPunctuation(HoconPosition start)
    {
        HoconTokenKind? kind = Peek() switch
        {
            '{' => HoconTokenKind.OpenBrace,
            '}' => HoconTokenKind.CloseBrace,
            '[' => HoconTokenKind.OpenBracket,
            ']' => HoconTokenKind.CloseBracket,
            ',' => HoconTokenKind.Comma,
            '=' => HoconTokenKind.Equals,
            ':' => HoconTokenKind.Colon,
            '+' when Peek(1) == '=' => HoconTokenKind.PlusEquals,
            _ => null,
        };
        if (kind is null) return false;
        var text = kind == HoconTokenKind.PlusEquals ? "+=" : Peek().ToString();
        foreach (var _ in text) Advance();
        Add(kind.Value, text, start);
        return true;
    }

    private static HoconException ReservedCharacter(char c, HoconPosition position) => c switch
    {
        '$' => position.Error("'$' must start a substitution such as ${path}; put strings containing '$' in double quotes"),
        '+' => position.Error("unexpected '+'; use '+=' to append to a list, or put strings containing '+' in double quotes"),
        _ => position.Error($"the character '{c}' is not allowed in unquoted text; put the value in double quotes"),
    };

    private string ReadWhitespace()
    {
        var start = _index;
        while (!AtEnd && IsWhitespace(Peek())) Advance();
        return _text[start.._index];
    }

    private string ReadUnquoted()
    {
        var start = _index;
        var numeric = Peek() == '-' || char.IsAsciiDigit(Peek());
        while (!AtEnd)
        {
            var c = Peek();
            if (c == '\n' || IsWhitespace(c) || AtCommentStart) break;
            // The exponent sign of a number such as 1e+5 is the only place '+' is allowed unquoted.
            var isExponentSign = c == '+' && numeric && _index > start && (_text[_index - 1] is 'e' or 'E');
            if (Reserved.Contains(c) && !isExponentSign) break;
            Advance();
        }
        return _text[start.._index];
    }

    private string ReadQuoted()
    {
        var start = Position;
        Advance();
        var sb = new StringBuilder();
        while (true)
        {
            if (AtEnd || Peek() == '\n')
            {
                throw start.Error("unterminated quoted string: missing closing '\"' before the end of the line (use \"\"\"triple quotes\"\"\" for multi-line strings)");
            }
            var c = Advance();
            if (c == '"') return sb.ToString();
            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }
            var escapePosition = new HoconPosition(_line, _column - 1, _filePath);
            if (AtEnd) throw start.Error("unterminated quoted string: input ends after '\\'");
            var e = Advance();
            switch (e)
            {
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case '/': sb.Append('/'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u':
                    sb.Append(ReadUnicodeEscape(escapePosition));
                    break;
                default:
                    throw escapePosition.Error($"invalid escape '\\{e}' in quoted string; valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
            }
        }
    }

    private char ReadUnicodeEscape(HoconPosition position)
    {
        if (_index + 4 > _text.Length ||
            !ushort.TryParse(_text.AsSpan(_index, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
        {
            throw position.Error("invalid escape: '\\u' must be followed by four hex digits");
        }
        for (var i = 0; i < 4; i++) Advance();
        return (char)code;
    }

    /// <summary>
    /// Reads <c>"""..."""</c>. No escapes; newlines allowed. A run of more than three quotes at the end
    /// closes the string with the last three, the rest belong to the content (as in the reference implementation).
    /// </summary>
    private string ReadTripleQuoted()
    {
        var start = Position;
        for (var i = 0; i < 3; i++) Advance();
        var sb = new StringBuilder();
        while (!AtEnd)
        {
            if (Peek() != '"')
            {
                sb.Append(Advance());
                continue;
            }
            var run = 0;
            while (Peek() == '"')
            {
                Advance();
                run++;
            }
            if (run >= 3)
            {
                sb.Append('"', run - 3);
                return sb.ToString();
            }
            sb.Append('"', run);
        }
        throw start.Error("unterminated triple-quoted string: missing closing '\"\"\"'");
    }

    private HoconToken ReadSubstitution()
    {
        var start = Position;
        var startIndex = _index;
        Advance();
        if (Peek() != '{') throw ReservedCharacter('$', start);
        Advance();
        var optional = false;
        if (Peek() == '?')
        {
            Advance();
            optional = true;
        }

        var pieces = new List<HoconPathPiece>();
        while (true)
        {
            if (AtEnd || Peek() == '\n')
            {
                throw start.Error("unterminated substitution: missing '}' after '${'");
            }
            var c = Peek();
            if (c == '}')
            {
                Advance();
                break;
            }
            if (IsWhitespace(c))
            {
                pieces.Add(new HoconPathPiece(ReadWhitespace(), HoconPathPieceKind.Whitespace));
            }
            else if (c == '"')
            {
                pieces.Add(new HoconPathPiece(ReadQuoted(), HoconPathPieceKind.Quoted));
            }
            else if (Reserved.Contains(c) || AtCommentStart)
            {
                throw Position.Error($"unexpected '{c}' in substitution; expected a path such as ${{a.b}} followed by '}}'");
            }
            else
            {
                pieces.Add(new HoconPathPiece(ReadUnquoted(), HoconPathPieceKind.Unquoted));
            }
        }

        var text = _text[startIndex.._index];
        var path = HoconPath.FromPieces(pieces, start, $"the path of substitution {text}");
        return new HoconToken(HoconTokenKind.Substitution, text, start) { SubstitutionPath = path, IsOptional = optional };
    }
}
