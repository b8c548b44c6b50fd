namespace Konifer.Hocon.Tests;

public class HoconSubstitutionTests
{
    private static readonly Dictionary<string, string> Env = new()
    {
        ["HOME"] = "/home/konifer",
        ["URL_SIGNING_SECRET_KEY"] = "s3cret",
        ["PORT"] = "8080",
    };

    [Fact]
    public void Substitution_refers_to_another_setting_and_keeps_its_type()
    {
        Hocon.AssertParsesTo("""{"a":{"b":42,"c":true},"x":42,"y":true,"z":{"b":42,"c":true}}""", "a { b = 42, c = true }\nx = ${a.b}\ny = ${a.c}\nz = ${a}");
    }

    [Fact]
    public void Substitution_may_refer_forward_and_sees_the_final_value()
    {
        Hocon.AssertParsesTo("""{"x":2,"a":2}""", "x = ${a}\na = 1\na = 2");
    }

    [Fact]
    public void Substitution_may_refer_to_a_sibling_in_the_same_object()
    {
        Hocon.AssertParsesTo("""{"a":{"b":1,"c":1}}""", "a { b = 1, c = ${a.b} }");
    }

    [Fact]
    public void Substitution_with_quoted_path_segment()
    {
        Hocon.AssertParsesTo("""{"paths":{"/a.b":{"x":1}},"y":1}""", "paths { \"/a.b\" { x = 1 } }\ny = ${paths.\"/a.b\".x}");
    }

    [Fact]
    public void Environment_is_used_when_the_document_has_no_such_setting()
    {
        Hocon.AssertParsesTo("""{"home":"/home/konifer","port":"8080"}""", "home = ${HOME}\nport = ${?PORT}", Env);
    }

    [Fact]
    public void Document_wins_over_environment()
    {
        Hocon.AssertParsesTo("""{"HOME":"/doc","h":"/doc"}""", "HOME = /doc\nh = ${HOME}", Env);
    }

    [Fact]
    public void Missing_optional_substitution_leaves_the_key_absent()
    {
        Hocon.AssertParsesTo("""{"o":{}}""", "a = ${?NOPE}\no { b = ${?NOPE} }\nc = ${?a}");
    }

    [Fact]
    public void Missing_optional_substitution_keeps_an_earlier_value()
    {
        const string text = """
            secret = default
            secret = ${?NOT_SET}
            key = default
            key = ${?URL_SIGNING_SECRET_KEY}
            """;
        Hocon.AssertParsesTo("""{"secret":"default","key":"s3cret"}""", text, Env);
    }

    [Fact]
    public void Missing_optional_substitution_in_an_array_drops_the_element()
    {
        Hocon.AssertParsesTo("""{"a":[1,3]}""", "a = [1, ${?NOPE}, 3]");
    }

    [Fact]
    public void Missing_optional_substitution_in_a_string_concatenation_is_empty()
    {
        Hocon.AssertParsesTo("""{"a":"x-y","b":"z"}""", "a = x${?NOPE}-y\nb = ${?NOPE} z");
    }

    [Fact]
    public void Substitutions_concatenate_with_strings()
    {
        Hocon.AssertParsesTo("""{"host":"img.example.com","url":"https://img.example.com/v1","n":"port 8080"}""",
            "host = img.example.com\nurl = \"https://\"${host}/v1\nn = port ${PORT}", Env);
    }

    [Fact]
    public void Self_reference_appends_to_the_earlier_value()
    {
        const string text = """
            path = "/bin"
            path = ${path}":/usr/bin"
            list = [1]
            list = ${list} [2]
            o { p = a }
            o { p = ${o.p}b }
            """;
        Hocon.AssertParsesTo("""{"path":"/bin:/usr/bin","list":[1,2],"o":{"p":"ab"}}""", text);
    }

    [Fact]
    public void Optional_self_reference_without_earlier_value_is_absent_or_from_environment()
    {
        Hocon.AssertParsesTo("""{"HOME":"/home/konifer:/x","list":[1]}""", "HOME = ${?HOME}\":/x\"\nlist = ${?list} [1]\nnothing = ${?nothing}", Env);
    }

    [Fact]
    public void Object_from_substitution_merges_with_later_object()
    {
        Hocon.AssertParsesTo("""{"base":{"a":1,"b":1},"derived":{"a":1,"b":2,"c":3}}""",
            "base { a = 1, b = 1 }\nderived = ${base}\nderived { b = 2, c = 3 }");
    }

    [Fact]
    public void Optional_object_override_merges_when_set()
    {
        Hocon.AssertParsesTo("""{"overrides":{"a":2},"o":{"a":2,"b":1}}""", "overrides { a = 2 }\no { a = 1, b = 1 }\no = ${?overrides}");
    }

    [Fact]
    public void Required_missing_substitution_is_an_error_with_position()
    {
        var e = Hocon.AssertError("a = 1\nb = x ${nope.here}", 2, 7, "could not resolve substitution ${nope.here}");
        Assert.Contains("no environment variable 'nope.here'", e.Message);
        Assert.StartsWith("line 2, column 7: ", e.Message);
    }

    [Fact]
    public void Substitution_cycle_is_an_error()
    {
        Hocon.AssertError("a = ${b}\nb = ${a}", 2, 5, "cycle");
    }

    [Fact]
    public void Required_self_reference_without_earlier_value_is_an_error()
    {
        Hocon.AssertError("a = ${a}x", 1, 5, "could not resolve substitution ${a}");
    }

    [Fact]
    public void Mixing_lists_and_strings_is_an_error()
    {
        Hocon.AssertError("a = [1]\nb = ${a} foo", 2, 5, "cannot concatenate a list and a string");
    }
}
