// Hand-written on purpose: no HOCON package for .NET is served to us, so Konifer owns a small reader
// (see HoconParser for the supported subset). Pipeline: HoconTokenizer -> this parser (tokens to an
// unresolved tree, merging duplicate keys, reading includes) -> HoconResolver (substitutions, concatenation).

namespace Konifer.Hocon;

/// <summary>Turns tokens into an unresolved <see cref="HoconObject"/> tree.</summary>
internal sealed class HoconSyntaxParser
{
    private readonly List<HoconToken> _tokens;
    private readonly HoconParseContext _context;
    private readonly HoconPath _includePrefix;
    private int _index;

    private HoconSyntaxParser(List<HoconToken> tokens, HoconParseContext context, HoconPath includePrefix)
    {
        _tokens = tokens;
        _context = context;
        _includePrefix = includePrefix;
    }

    /// <param name="text">The HOCON text.</param>
    /// <param name="filePath">The file name shown in errors, if any.</param>
    /// <param name="includePrefix">Where in the including document this file lands (empty for the main file).</param>
    /// <param name="context">Settings, base directory and include chain.</param>
    public static HoconObject ParseDocument(string text, string? filePath, HoconPath includePrefix, HoconParseContext context)
    {
        var parser = new HoconSyntaxParser(HoconTokenizer.Tokenize(text, filePath), context, includePrefix);
        return parser.ParseRoot();
    }

    private HoconToken Peek => _tokens[_index];

    private HoconToken PeekAfter(int offset) => _tokens[Math.Min(_index + offset, _tokens.Count - 1)];

    private HoconToken Next() => _tokens[_index < _tokens.Count - 1 ? _index++ : _index];

    private void SkipWhitespace()
    {
        while (Peek.Kind == HoconTokenKind.Whitespace) _index++;
    }

    private void SkipWhitespaceAndNewlines()
    {
        while (Peek.Kind is HoconTokenKind.Whitespace or HoconTokenKind.Newline) _index++;
    }

    private HoconObject ParseRoot()
    {
        SkipWhitespaceAndNewlines();
        var first = Peek;
        if (first.Kind == HoconTokenKind.OpenBracket)
        {
            throw first.Position.Error("the document must be an object, not a list");
        }
        if (first.Kind != HoconTokenKind.OpenBrace)
        {
            return ParseObjectBody(open: null, _includePrefix);
        }

        Next();
        var root = ParseObjectBody(first, _includePrefix);
        SkipWhitespaceAndNewlines();
        if (Peek.Kind != HoconTokenKind.End)
        {
            throw Peek.Position.Error($"unexpected {Peek.Describe()} after the closing '}}' of the document");
        }
        return root;
    }

    /// <summary>Parses fields until the closing brace (or the end of input when there is no opening brace).</summary>
    private HoconObject ParseObjectBody(HoconToken? open, HoconPath path)
    {
        var obj = new HoconObject(open?.Position ?? Peek.Position);
        while (true)
        {
            SkipWhitespaceAndNewlines();
            var token = Peek;
            if (token.Kind == HoconTokenKind.End)
            {
                if (open is null) return obj;
                throw token.Position.Error($"expected '}}' to close the object opened at {open.Position.Describe()}, but the input ended");
            }
            if (token.Kind == HoconTokenKind.CloseBrace)
            {
                if (open is null) throw token.Position.Error("unexpected '}' without a matching '{'");
                Next();
                return obj;
            }

            var what = IsIncludeStatement() ? ParseInclude(obj, path) : ParseField(obj, path);

            SkipWhitespace();
            var separator = Peek;
            if (separator.Kind == HoconTokenKind.Comma)
            {
                Next();
            }
            else if (separator.Kind is not (HoconTokenKind.Newline or HoconTokenKind.CloseBrace or HoconTokenKind.End))
            {
                throw separator.Position.Error($"expected ',', a newline or '}}' after {what}, found {separator.Describe()}");
            }
        }
    }

    /// <summary>Parses <c>key = value</c>, <c>key : value</c>, <c>key { ... }</c> or <c>key += value</c>.</summary>
    /// <returns>A description of the field for error messages.</returns>
    private string ParseField(HoconObject obj, HoconPath path)
    {
        var keyStart = Peek;
        var key = ParseKey();
        var description = $"the value of '{key}'";
        SkipWhitespaceAndNewlines();

        var separator = Peek;
        var fieldPath = path.Concat(key);
        HoconValue value;
        switch (separator.Kind)
        {
            case HoconTokenKind.Equals or HoconTokenKind.Colon:
                Next();
                SkipWhitespaceAndNewlines();
                value = ParseValue(fieldPath, $"'{key}'");
                break;
            case HoconTokenKind.PlusEquals:
                Next();
                SkipWhitespaceAndNewlines();
                var element = ParseValue(fieldPath, $"'{key}'");
                var self = new HoconSubstitution(separator.Position, $"${{?{fieldPath}}}", fieldPath, null, optional: true);
                value = new HoconConcatenation(separator.Position, [self, new HoconArray(element.Position, [element])]);
                break;
            case HoconTokenKind.OpenBrace:
                value = ParseValue(fieldPath, $"'{key}'");
                break;
            default:
                throw separator.Position.Error($"expected ':', '=' or '{{' after the key '{key}' (line {keyStart.Position.Line}), found {separator.Describe()}");
        }

        for (var i = key.Count - 1; i > 0; i--)
        {
            var wrapper = new HoconObject(keyStart.Position);
            wrapper.Fields[key.Segments[i]] = value;
            value = wrapper;
        }
        HoconMerger.SetField(obj, key.Segments[0], value, path.Append(key.Segments[0]));
        return description;
    }

    private HoconPath ParseKey()
    {
        var start = Peek;
        var pieces = new List<HoconPathPiece>();
        while (true)
        {
            var token = Peek;
            var kind = token.Kind switch
            {
                HoconTokenKind.UnquotedText => HoconPathPieceKind.Unquoted,
                HoconTokenKind.QuotedString => HoconPathPieceKind.Quoted,
                HoconTokenKind.Whitespace => HoconPathPieceKind.Whitespace,
                _ => (HoconPathPieceKind?)null,
            };
            if (kind is null) break;
            pieces.Add(new HoconPathPiece(token.Text, kind.Value));
            Next();
        }

        if (pieces.Count == 0)
        {
            var problem = start.Kind == HoconTokenKind.Substitution
                ? $"substitutions such as {start.Text} cannot be used as keys"
                : $"expected a key or '}}', found {start.Describe()}";
            throw start.Position.Error(problem);
        }
        return HoconPath.FromPieces(pieces, start.Position, "the key");
    }

    /// <summary>
    /// Parses one value: a run of strings, numbers, substitutions, objects and lists on one line.
    /// More than one part makes a concatenation; whitespace between parts is kept, at the ends it is dropped.
    /// </summary>
    private HoconValue ParseValue(HoconPath path, string owner)
    {
        var start = Peek;
        var parts = new List<HoconValue>();
        while (true)
        {
            var token = Peek;
            switch (token.Kind)
            {
                case HoconTokenKind.UnquotedText:
                    Next();
                    parts.Add(HoconScalar.FromUnquoted(token.Position, token.Text));
                    continue;
                case HoconTokenKind.QuotedString:
                    Next();
                    parts.Add(HoconScalar.FromString(token.Position, token.Text));
                    continue;
                case HoconTokenKind.Whitespace:
                    Next();
                    parts.Add(new HoconWhitespace(token.Position, token.Text));
                    continue;
                case HoconTokenKind.Substitution:
                    Next();
                    parts.Add(CreateSubstitution(token));
                    continue;
                case HoconTokenKind.OpenBrace:
                    Next();
                    parts.Add(ParseObjectBody(token, path));
                    continue;
                case HoconTokenKind.OpenBracket:
                    Next();
                    parts.Add(ParseArray(token, path));
                    continue;
                case HoconTokenKind.Equals or HoconTokenKind.Colon or HoconTokenKind.PlusEquals when parts.Count > 0:
                    throw token.Position.Error($"unexpected '{token.Text}' in the value of {owner}; put strings containing '{token.Text}' in double quotes, or separate fields with a newline or ','");
            }
            break;
        }

        while (parts.Count > 0 && parts[^1] is HoconWhitespace) parts.RemoveAt(parts.Count - 1);
        return parts.Count switch
        {
            0 => throw Peek.Position.Error($"expected a value for {owner}, found {Peek.Describe()}"),
            1 => parts[0],
            _ => new HoconConcatenation(start.Position, parts),
        };
    }

    private HoconArray ParseArray(HoconToken open, HoconPath path)
    {
        var elements = new List<HoconValue>();
        while (true)
        {
            SkipWhitespaceAndNewlines();
            var token = Peek;
            switch (token.Kind)
            {
                case HoconTokenKind.CloseBracket:
                    Next();
                    return new HoconArray(open.Position, elements);
                case HoconTokenKind.End:
                    throw token.Position.Error($"expected ']' to close the list opened at {open.Position.Describe()}, but the input ended");
                case HoconTokenKind.Comma:
                    throw token.Position.Error("unexpected ',' in list; expected a value or ']'");
            }

            elements.Add(ParseValue(path, $"a list element (is the ']' of the list opened at {open.Position.Describe()} missing?)"));
            SkipWhitespace();
            var separator = Peek;
            if (separator.Kind == HoconTokenKind.Comma)
            {
                Next();
            }
            else if (separator.Kind is not (HoconTokenKind.Newline or HoconTokenKind.CloseBracket or HoconTokenKind.End))
            {
                throw separator.Position.Error($"expected ',' or ']' in the list opened at {open.Position.Describe()}, found {separator.Describe()}");
            }
        }
    }

    private HoconSubstitution CreateSubstitution(HoconToken token)
    {
        var path = token.SubstitutionPath!;
        return _includePrefix.Count == 0
            ? new HoconSubstitution(token.Position, token.Text, path, null, token.IsOptional)
            : new HoconSubstitution(token.Position, token.Text, _includePrefix.Concat(path), path, token.IsOptional);
    }

    private bool IsIncludeStatement()
    {
        if (Peek.Kind != HoconTokenKind.UnquotedText || Peek.Text != "include") return false;
        if (PeekAfter(1).Kind != HoconTokenKind.Whitespace) return false;
        var target = PeekAfter(2);
        return target.Kind == HoconTokenKind.QuotedString ||
               (target.Kind == HoconTokenKind.UnquotedText &&
                (target.Text.StartsWith("file(", StringComparison.Ordinal) ||
                 target.Text.StartsWith("required(", StringComparison.Ordinal) ||
                 target.Text.StartsWith("url(", StringComparison.Ordinal) ||
                 target.Text.StartsWith("classpath(", StringComparison.Ordinal)));
    }

    private string ParseInclude(HoconObject obj, HoconPath path)
    {
        var keyword = Next();
        var tokens = new List<HoconToken>();
        while (Peek.Kind is not (HoconTokenKind.Newline or HoconTokenKind.Comma or HoconTokenKind.CloseBrace or HoconTokenKind.End))
        {
            tokens.Add(Next());
        }
        var spec = HoconIncludeSpec.Parse(tokens, keyword.Position);

        var fullPath = FindIncludedFile(spec.Name);
        if (fullPath is null)
        {
            if (spec.Required)
            {
                throw keyword.Position.Error($"required include \"{spec.Name}\" was not found (looked in {_context.BaseDirectory})");
            }
            return $"include \"{spec.Name}\"";
        }
        if (_context.IncludeChain.Contains(fullPath, StringComparer.Ordinal))
        {
            throw keyword.Position.Error($"include cycle: \"{spec.Name}\" ({fullPath}) includes itself");
        }

        string text;
        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (IOException e)
        {
            throw new HoconException($"could not read included file \"{spec.Name}\": {e.Message}", keyword.Position.Line, keyword.Position.Column, keyword.Position.FilePath, e);
        }

        var included = ParseDocument(text, fullPath, path, _context.ForIncludedFile(fullPath));
        foreach (var (key, value) in included.Fields)
        {
            HoconMerger.SetField(obj, key, value, path.Append(key));
        }
        return $"include \"{spec.Name}\"";
    }

    /// <summary>The file itself, or for a name without extension the first of name.conf and name.json that exists.</summary>
    private string? FindIncludedFile(string name)
    {
        var fullPath = Path.GetFullPath(Path.Combine(_context.BaseDirectory, name));
        if (File.Exists(fullPath)) return fullPath;
        if (Path.HasExtension(name)) return null;
        return new[] { ".conf", ".json" }.Select(ext => fullPath + ext).FirstOrDefault(File.Exists);
    }
}
