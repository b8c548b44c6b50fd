namespace Konifer.Hocon.Tests;

public sealed class HoconIncludeTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("konifer-hocon-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private void Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private string Parse(string text) => Hocon.Parse(text, baseDirectory: _directory).ToJsonString();

    [Fact]
    public void Include_merges_the_file_and_later_fields_override()
    {
        Write("base.conf", "a = 1\nb { x = 1, y = 1 }");
        Assert.Equal("""{"a":1,"b":{"x":1,"y":2},"c":3}""", Parse("include \"base.conf\"\nb.y = 2\nc = 3"));
    }

    [Fact]
    public void Fields_after_include_win_and_fields_before_are_overridden()
    {
        Write("base.conf", "a = from-file");
        Assert.Equal("""{"a":"from-file","b":"mine"}""", Parse("a = mine\nb = mine\ninclude \"base.conf\""));
    }

    [Theory]
    [InlineData("include file(\"base.conf\")")]
    [InlineData("include required(\"base.conf\")")]
    [InlineData("include required(file(\"base.conf\"))")]
    [InlineData("include \"base\"")]
    [InlineData("include \"sub/../base.conf\"")]
    public void Include_forms(string statement)
    {
        Write("base.conf", "a = 1");
        Write("sub/keep.txt", "");
        Assert.Equal("""{"a":1}""", Parse(statement));
    }

    [Fact]
    public void Missing_optional_include_is_ignored()
    {
        Assert.Equal("""{"a":1}""", Parse("include \"missing.conf\"\na = 1"));
    }

    [Fact]
    public void Missing_required_include_is_an_error()
    {
        var e = Assert.Throws<HoconException>(() => Parse("a = 1\n  include required(\"missing.conf\")"));
        Assert.Equal((2, 3), (e.Line, e.Column));
        Assert.Contains("required include \"missing.conf\" was not found", e.Message);
    }

    [Fact]
    public void Include_inside_an_object_nests_the_file_and_its_substitutions()
    {
        Write("store.conf", "provider = filesystem\npath = ${provider}\"-data\"");
        Assert.Equal("""{"store":{"provider":"filesystem","path":"filesystem-data"}}""", Parse("store { include \"store.conf\" }"));
    }

    [Fact]
    public void Nested_includes_are_relative_to_the_including_file()
    {
        Write("conf/a.conf", "include \"b.conf\"\na = 1");
        Write("conf/b.conf", "b = 2");
        Assert.Equal("""{"b":2,"a":1}""", Parse("include \"conf/a.conf\""));
    }

    [Fact]
    public void Include_cycle_is_an_error()
    {
        Write("a.conf", "include \"b.conf\"");
        Write("b.conf", "include \"a.conf\"");
        var e = Assert.Throws<HoconException>(() => Parse("include \"a.conf\""));
        Assert.Contains("include cycle", e.Message);
        Assert.EndsWith("b.conf", e.FilePath);
    }

    [Fact]
    public void Errors_in_included_files_name_the_file()
    {
        Write("bad.conf", "a = 1\nb = {");
        var e = Assert.Throws<HoconException>(() => Parse("include \"bad.conf\""));
        Assert.Equal(Path.Combine(_directory, "bad.conf"), e.FilePath);
        Assert.Equal((2, 6), (e.Line, e.Column));
        Assert.StartsWith($"{e.FilePath}:2:6: expected '}}'", e.Message);
    }

    [Fact]
    public void Url_includes_are_not_supported()
    {
        var e = Assert.Throws<HoconException>(() => Parse("include url(\"http://example.com/x.conf\")"));
        Assert.Contains("not supported", e.Message);
    }
}
