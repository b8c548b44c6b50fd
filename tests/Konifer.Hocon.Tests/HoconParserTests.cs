using System.Text.Json;
using System.Text.Json.Nodes;

namespace Konifer.Hocon.Tests;

public class HoconParserTests
{
    [Theory]
    [InlineData("{ a = 1 }")]
    [InlineData("a = 1")]
    [InlineData("a : 1")]
    [InlineData("a=1")]
    [InlineData("\n\n  a = 1  \n\n")]
    [InlineData("{\"a\": 1}")]
    public void Root_braces_and_separators_are_optional(string text) => Hocon.AssertParsesTo("""{"a":1}""", text);

    [Fact]
    public void Object_value_needs_no_separator()
    {
        Hocon.AssertParsesTo("""{"a":{"b":1},"c":{"d":2},"e":{"f":3}}""", "a { b = 1 }\nc = { d = 2 }\ne : { f = 3 }");
    }

    [Fact]
    public void Commas_are_optional_between_fields_on_separate_lines()
    {
        Hocon.AssertParsesTo("""{"a":1,"b":2,"c":3,"d":4}""", "a = 1\nb = 2,\nc = 3, d = 4,");
    }

    [Fact]
    public void Comments_with_hash_and_double_slash_are_ignored()
    {
        const string text = """
            # heading
            a = 1 // trailing
            // whole line
            b = two # trailing after unquoted
            c = "x // not a comment # either"
            """;
        Hocon.AssertParsesTo("""{"a":1,"b":"two","c":"x // not a comment # either"}""", text);
    }

    [Fact]
    public void Quoted_strings_support_json_escapes()
    {
        var doc = Hocon.Parse("""a = "q\" b\\ s\/ \b\f\n\r\t \u00e9" """);
        Assert.Equal("q\" b\\ s/ \b\f\n\r\t \u00e9", doc["a"]!.GetValue<string>());
    }

    [Fact]
    public void Triple_quoted_strings_keep_newlines_and_backslashes()
    {
        var doc = Hocon.Parse("a = \"\"\"line 1\n  line \\n 2 \"quoted\"\"\"\"");
        Assert.Equal("line 1\n  line \\n 2 \"quoted\"", doc["a"]!.GetValue<string>());
    }

    [Fact]
    public void Unquoted_strings_keep_inner_whitespace_and_drop_outer()
    {
        var doc = Hocon.Parse("a =   foo bar    baz   \nb = /var/konifer\nc = in-memory");
        Assert.Equal("foo bar    baz", doc["a"]!.GetValue<string>());
        Assert.Equal("/var/konifer", doc["b"]!.GetValue<string>());
        Assert.Equal("in-memory", doc["c"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("42", 42L)]
    [InlineData("-7", -7L)]
    [InlineData("0", 0L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    public void Integers_are_longs(string text, long expected)
    {
        var value = Hocon.Parse($"a = {text}")["a"]!.AsValue();
        Assert.True(value.TryGetValue<long>(out var actual), $"{text} should be a long");
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("3.14", 3.14)]
    [InlineData("-0.5", -0.5)]
    [InlineData("1e3", 1000.0)]
    [InlineData("2.5E-2", 0.025)]
    [InlineData("1e+2", 100.0)]
    public void Decimals_and_exponents_are_doubles(string text, double expected)
    {
        var value = Hocon.Parse($"a = {text}")["a"]!.AsValue();
        Assert.True(value.TryGetValue<double>(out var actual), $"{text} should be a double");
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("30m")]
    [InlineData("7d")]
    [InlineData("100ms")]
    [InlineData("10MiB")]
    [InlineData("1.2.3")]
    [InlineData("yes")]
    [InlineData("no")]
    [InlineData("on")]
    [InlineData("off")]
    [InlineData("True")]
    [InlineData("-")]
    public void Other_unquoted_text_is_a_string(string text)
    {
        var value = Hocon.Parse($"a = {text}")["a"]!;
        Assert.Equal(JsonValueKind.String, value.GetValueKind());
        Assert.Equal(text, value.GetValue<string>());
    }

    [Fact]
    public void Durations_with_long_unit_names_are_strings()
    {
        Assert.Equal("10 seconds", Hocon.Parse("a = 10 seconds")["a"]!.GetValue<string>());
    }

    [Fact]
    public void Quoted_numbers_and_keywords_stay_strings()
    {
        Hocon.AssertParsesTo("""{"a":"42","b":"true","c":"null"}""", """a = "42", b = "true", c = "null" """);
    }

    [Fact]
    public void Booleans_and_null()
    {
        var doc = Hocon.Parse("t = true\nf = false\nn = null");
        Assert.True(doc["t"]!.GetValue<bool>());
        Assert.False(doc["f"]!.GetValue<bool>());
        Assert.True(doc.ContainsKey("n"));
        Assert.Null(doc["n"]);
    }

    [Fact]
    public void Path_keys_create_nested_objects()
    {
        Hocon.AssertParsesTo("""{"a":{"b":{"c":1,"d":2}}}""", "a.b.c = 1\na.b { d = 2 }");
    }

    [Fact]
    public void Quoted_key_segments_are_not_split()
    {
        Hocon.AssertParsesTo("""{"a.b":1,"x":{"y.z":{"w":2}}}""", "\"a.b\" = 1\nx.\"y.z\".w = 2");
    }

    [Fact]
    public void Keys_with_slashes_and_stars_in_quotes()
    {
        const string text = """
            paths {
              "/**" { image.lqip = [blurhash] }
              "/users/*/avatar" { max = 5 }
            }
            """;
        Hocon.AssertParsesTo("""{"paths":{"/**":{"image":{"lqip":["blurhash"]}},"/users/*/avatar":{"max":5}}}""", text);
    }

    [Fact]
    public void Unquoted_keys_may_be_numbers_and_keywords()
    {
        Hocon.AssertParsesTo("""{"a":{"12":1,"true":2,"null":3}}""", "a.12 = 1\na.true = 2\na.null = 3");
    }

    [Fact]
    public void Duplicate_object_keys_merge_deeply()
    {
        const string text = """
            a { x = 1, inner { p = 1, q = 1 } }
            a { y = 2, inner { q = 2 } }
            a.inner.r = 3
            """;
        Hocon.AssertParsesTo("""{"a":{"x":1,"y":2,"inner":{"p":1,"q":2,"r":3}}}""", text);
    }

    [Fact]
    public void Duplicate_non_object_keys_replace()
    {
        Hocon.AssertParsesTo("""{"a":3,"b":{"y":2},"c":5}""", "a = 1\na = [1]\na = 3\nb { x = 1 }\nb = 7\nb { y = 2 }\nc { x = 1 }\nc = 5");
    }

    [Fact]
    public void Key_order_is_first_definition_order()
    {
        var doc = Hocon.Parse("b = 1\na = 2\nc = 3\nb = 4\nz.y = 1\nz.x = 2");
        Assert.Equal(["b", "a", "c", "z"], doc.Select(p => p.Key));
        Assert.Equal(4L, doc["b"]!.GetValue<long>());
        Assert.Equal(["y", "x"], doc["z"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void Arrays_with_newlines_and_trailing_commas()
    {
        const string text = """
            a = [
              1
              2,
              three,
            ]
            b = []
            c = [ [1, 2], { x = 1 } ]
            """;
        Hocon.AssertParsesTo("""{"a":[1,2,"three"],"b":[],"c":[[1,2],{"x":1}]}""", text);
    }

    [Fact]
    public void Plus_equals_appends_to_a_list()
    {
        Hocon.AssertParsesTo("""{"a":[1,2,3],"b":["x"],"c":{"d":[1,2]}}""", "a = [1]\na += 2\na += 3\nb += x\nc { d += 1 }\nc { d += 2 }");
    }

    [Fact]
    public void String_concatenation_keeps_text_as_written()
    {
        Hocon.AssertParsesTo("""{"a":"foo bar","b":"prefix-suffix","c":"null bar 42 baz true 3.14 hi"}""",
            "a = foo \"bar\"\nb = prefix\"-\"suffix\nc = null bar 42 \"baz\" true 3.14 hi");
    }

    [Fact]
    public void Array_and_object_concatenation()
    {
        Hocon.AssertParsesTo("""{"a":[1,2,3,4],"b":{"x":1,"y":2}}""", "a = [1, 2] [3, 4]\nb = { x = 1 } { y = 2 }");
    }

    [Fact]
    public void Newlines_between_key_separator_and_value_are_allowed()
    {
        Hocon.AssertParsesTo("""{"a":{"b":1},"c":2}""", "a.b\n  :\n\n 1\nc =\n 2");
    }

    [Fact]
    public void Include_as_a_plain_key_is_still_a_key()
    {
        Hocon.AssertParsesTo("""{"include":1}""", "include = 1");
    }

    [Fact]
    public void Result_types_are_long_double_bool_and_string_nodes()
    {
        var doc = Hocon.Parse("i = 1, d = 1.5, b = true, s = x");
        Assert.IsType<long>(doc["i"]!.GetValue<object>());
        Assert.IsType<double>(doc["d"]!.GetValue<object>());
        Assert.IsType<bool>(doc["b"]!.GetValue<object>());
        Assert.IsType<string>(doc["s"]!.GetValue<object>());
        Assert.IsType<JsonObject>(doc);
    }
}
