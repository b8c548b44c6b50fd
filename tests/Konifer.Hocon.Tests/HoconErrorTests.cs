namespace Konifer.Hocon.Tests;

public class HoconErrorTests
{
    [Fact]
    public void Unterminated_string_points_at_the_opening_quote()
    {
        Hocon.AssertError("a = 1\nb = \"abc\nc = 2", 2, 5, "unterminated quoted string");
    }

    [Fact]
    public void Unterminated_triple_quoted_string()
    {
        Hocon.AssertError("a = \"\"\"abc\n\ndef", 1, 5, "unterminated triple-quoted string");
    }

    [Fact]
    public void Missing_closing_brace_names_where_the_object_was_opened()
    {
        var e = Hocon.AssertError("a {\n  b = 1\n", 3, 1, "expected '}' to close the object opened at line 1, column 3");
        Assert.Equal("line 3, column 1: expected '}' to close the object opened at line 1, column 3, but the input ended", e.Message);
    }

    [Fact]
    public void Missing_closing_bracket()
    {
        Hocon.AssertError("a = [1, 2\nb = 3", 2, 3, "is the ']' of the list opened at line 1, column 5 missing?");
        Hocon.AssertError("a = [1, 2 }", 1, 11, "expected ',' or ']' in the list opened at line 1, column 5, found '}'");
    }

    [Fact]
    public void Unmatched_closing_brace()
    {
        Hocon.AssertError("a = 1\n}", 2, 1, "unexpected '}'");
    }

    [Fact]
    public void Bad_substitution_syntax()
    {
        Hocon.AssertError("a = ${b", 1, 5, "unterminated substitution");
        Hocon.AssertError("a = ${}", 1, 5, "is empty");
        Hocon.AssertError("a = ${b..c}", 1, 5, "empty path element");
        Hocon.AssertError("a = ${b*}", 1, 8, "unexpected '*' in substitution");
    }

    [Fact]
    public void Unresolvable_substitution()
    {
        Hocon.AssertError("x {\n  y = ${missing}\n}", 2, 7, "could not resolve substitution ${missing}");
    }

    [Fact]
    public void Key_without_value()
    {
        Hocon.AssertError("a = 1\nb\nc = 2", 3, 1, "expected ':', '=' or '{' after the key 'b'");
        Hocon.AssertError("a =\n", 2, 1, "expected a value for 'a'");
    }

    [Fact]
    public void Reserved_characters_in_unquoted_text_must_be_quoted()
    {
        Hocon.AssertError("paths { /users/*/avatar { a = 1 } }", 1, 16, "the character '*' is not allowed in unquoted text");
        Hocon.AssertError("a = x+y", 1, 6, "unexpected '+'");
    }

    [Fact]
    public void Separator_inside_a_value()
    {
        Hocon.AssertError("a = b = c", 1, 7, "unexpected '=' in the value of 'a'");
    }

    [Fact]
    public void Invalid_escape()
    {
        Hocon.AssertError("a = \"x\\qy\"", 1, 7, "invalid escape '\\q'");
    }

    [Fact]
    public void Double_comma()
    {
        Hocon.AssertError("a = 1,, b = 2", 1, 7, "expected a key or '}', found ','");
        Hocon.AssertError("a = [1,, 2]", 1, 8, "unexpected ',' in list");
    }

    [Fact]
    public void Root_list_is_rejected()
    {
        Hocon.AssertError("[1, 2]", 1, 1, "must be an object");
    }

    [Fact]
    public void Content_after_the_root_object()
    {
        Hocon.AssertError("{ a = 1 }\nb = 2", 2, 1, "after the closing '}' of the document");
    }

    [Fact]
    public void Errors_in_files_start_with_path_line_and_column()
    {
        var directory = Directory.CreateTempSubdirectory("konifer-hocon-").FullName;
        try
        {
            var path = Path.Combine(directory, "konifer.conf");
            File.WriteAllText(path, "a {\n  b = 1\n  c = [1,\n");
            var e = Assert.Throws<HoconException>(() => HoconParser.ParseFile(path, Hocon.Settings()));
            Assert.Equal(path, e.FilePath);
            Assert.Equal($"{path}:4:1: expected ']' to close the list opened at line 3, column 7, but the input ended", e.Message);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Missing_file_is_a_file_not_found_error()
    {
        var e = Assert.Throws<FileNotFoundException>(() => HoconParser.ParseFile("/nonexistent/konifer.conf"));
        Assert.Contains("/nonexistent/konifer.conf", e.Message);
    }
}
