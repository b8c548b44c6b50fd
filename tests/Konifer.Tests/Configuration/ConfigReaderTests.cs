using System.Text.Json.Nodes;
using Konifer.Configuration;
using Konifer.Configuration.Reading;

namespace Konifer.Tests.Configuration;

/// <summary>The one set of value rules every key of konifer.conf is read by, global settings and path blocks alike.</summary>
public sealed class ConfigReaderTests
{
    /// <summary>The value written as <c>a.b.value</c>, as the HOCON parser would hand it over.</summary>
    private static ConfigReader Section(string valueJson) =>
        ConfigReader.Root(JsonNode.Parse($$"""{ "a": { "b": { "value": {{valueJson}} } } }""")!.AsObject()).Section("a").Section("b");

    private static ConfigurationException Fails(Action read)
    {
        var error = Assert.Throws<ConfigurationException>(read);
        Assert.Equal("a.b.value", error.Key);
        Assert.StartsWith("a.b.value: ", error.Message);
        return error;
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("\"yes\"", true)]
    [InlineData("\"No\"", false)]
    [InlineData("\" on \"", true)]
    [InlineData("\"OFF\"", false)]
    [InlineData("\"TRUE\"", true)]
    public void Booleans_take_the_hocon_words(string json, bool expected) =>
        Assert.Equal(expected, Section(json).Bool("value"));

    [Theory]
    [InlineData("1")]
    [InlineData("\"maybe\"")]
    [InlineData("\"\"")]
    public void A_wrong_boolean_names_its_key(string json) =>
        Assert.Contains("is not a boolean", Fails(() => Section(json).Bool("value")).Problem);

    [Theory]
    [InlineData("5", 5)]
    [InlineData("\"5\"", 5)]
    [InlineData("\" -3 \"", -3)]
    [InlineData("1e3", 1000)]
    [InlineData("1000.0", 1000)]
    public void Whole_numbers_are_integers_or_their_text(string json, long expected) =>
        Assert.Equal(expected, Section(json).Long("value"));

    [Theory]
    [InlineData("1.5")]
    [InlineData("\"1.5\"")]
    [InlineData("\"lots\"")]
    [InlineData("\"\"")]
    [InlineData("true")]
    public void A_wrong_number_names_its_key(string json) =>
        Assert.Contains("is not a whole number", Fails(() => Section(json).Long("value")).Problem);

    [Fact]
    public void A_number_out_of_range_says_the_range() =>
        Assert.Equal("100 is out of range (1..99)", Fails(() => Section("100").Int("value", 1, 99)).Problem);

    [Theory]
    [InlineData("\"10s\"", 10_000)]
    [InlineData("\"1.5 hours\"", 5_400_000)]
    [InlineData("250", 250)]
    [InlineData("\"0\"", 0)]
    public void Durations_have_units_and_a_plain_number_is_milliseconds(string json, long milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), Section(json).Duration("value"));

    [Theory]
    [InlineData("\"soon\"")]
    [InlineData("\"-5s\"")]
    [InlineData("\"\"")]
    [InlineData("[\"10s\"]")]
    public void A_wrong_duration_names_its_key(string json) =>
        Assert.Matches("is not a duration|expected a single value", Fails(() => Section(json).Duration("value")).Problem);

    [Theory]
    [InlineData("\"500ms\"", true)]
    [InlineData("\"1d\"", true)]
    [InlineData("\"0s\"", false)]
    [InlineData("\"25h\"", false)]
    public void Timeouts_are_above_zero_and_at_most_a_day(string json, bool valid)
    {
        if (valid) Assert.NotNull(Section(json).Timeout("value"));
        else Assert.Contains("above zero and at most a day", Fails(() => Section(json).Timeout("value")).Problem);
    }

    [Theory]
    [InlineData("\"2GB\"", 2_000_000_000)]
    [InlineData("\"512MiB\"", 536_870_912)]
    [InlineData("\"1.5G\"", 1_610_612_736)]
    [InlineData("300000000", 300_000_000)]
    [InlineData("\"25%\"", 250)]
    public void Sizes_are_bytes_hocon_sizes_or_a_percentage(string json, long bytes) =>
        Assert.Equal(bytes, Section(json).Size("value", 1000));

    [Theory]
    [InlineData("\"lots\"", "Invalid byte size: lots")]
    [InlineData("\"150%\"", "Invalid byte size: 150%")]
    [InlineData("0", "Byte size must be positive: 0")]
    [InlineData("\"\"", "Invalid byte size: ")]
    public void A_wrong_size_names_its_key(string json, string problem) =>
        Assert.StartsWith(problem, Fails(() => Section(json).Size("value", 1000)).Problem);

    [Theory]
    [InlineData("\"20MB\"", 20_000_000)]
    [InlineData("\"20MiB\"", 20_971_520)]
    [InlineData("\"20 mib\"", 20_971_520)]
    [InlineData("\"512kb\"", 512_000)]
    [InlineData("\"2KiB\"", 2048)]
    [InlineData("\"1GB\"", 1_000_000_000)]
    [InlineData("\"3GiB\"", 3_221_225_472)]
    [InlineData("\"100B\"", 100)]
    [InlineData("104857600", 104_857_600)]
    [InlineData("\"512M\"", 536_870_912)]
    public void Byte_sizes_take_decimal_and_binary_units_and_bare_bytes(string json, long bytes) =>
        Assert.Equal(bytes, Section(json).Bytes("value"));

    [Theory]
    [InlineData("\"20XB\"", "Invalid byte size: 20XB")]
    [InlineData("\"MB\"", "Invalid byte size: MB")]
    [InlineData("\"10%\"", "Invalid byte size: 10%")]
    [InlineData("\"0MB\"", "Byte size must be positive: 0")]
    [InlineData("-5", "Byte size must be positive: -5")]
    [InlineData("\"1.0000001B\"", "Invalid byte size: 1.0000001B")]
    [InlineData("\"99999999999GB\"", "Invalid byte size: 99999999999GB")]
    public void A_wrong_byte_size_has_the_references_message_and_names_its_key(string json, string problem) =>
        Assert.StartsWith(problem, Fails(() => Section(json).Bytes("value")).Problem);

    [Theory]
    [InlineData("20000000", 20_000_000)]
    [InlineData("\"12MP\"", 12_000_000)]
    [InlineData("\"12 mp\"", 12_000_000)]
    [InlineData("\"8.2944MP\"", 8_294_400)]
    [InlineData("\"1GP\"", 1_000_000_000)]
    [InlineData("\"500KP\"", 500_000)]
    [InlineData("\"640P\"", 640)]
    public void Pixel_counts_take_units_and_decimals_that_come_to_whole_pixels(string json, long pixels) =>
        Assert.Equal(pixels, Section(json).Pixels("value"));

    [Theory]
    [InlineData("\"1.5P\"", "Pixel count must resolve to a whole number within Long range: 1.5P")]
    [InlineData("\"99999999999GP\"", "Pixel count must resolve to a whole number within Long range: 99999999999GP")]
    [InlineData("\"12 megapixels\"", "Invalid pixel count: 12 megapixels")]
    [InlineData("\"MP\"", "Invalid pixel count: MP")]
    [InlineData("0", "Pixel count must be positive: 0")]
    [InlineData("\"-1MP\"", "Pixel count must be positive: -1000000")]
    public void A_wrong_pixel_count_has_the_references_message_and_names_its_key(string json, string problem) =>
        Assert.Equal(problem, Fails(() => Section(json).Pixels("value")).Problem);

    private static readonly (string, DayOfWeek)[] Days = [("monday", DayOfWeek.Monday), ("tuesday", DayOfWeek.Tuesday)];

    [Fact]
    public void Choices_ignore_case_and_surrounding_space_and_list_the_choices_when_wrong()
    {
        Assert.Equal(DayOfWeek.Tuesday, Section("\" TUESDAY \"").Choice("value", Days));
        Assert.Equal("'sunday' is not one of monday, tuesday", Fails(() => Section("\"sunday\"").Choice("value", Days)).Problem);
    }

    [Fact]
    public void Missing_and_null_values_are_not_configured()
    {
        foreach (var section in new[] { Section("null"), Section("1").Section("elsewhere"), ConfigReader.Root(null) })
        {
            Assert.Null(section.Bool("value"));
            Assert.Null(section.Long("value"));
            Assert.Null(section.Duration("value"));
            Assert.Null(section.Size("value", 1000));
            Assert.Null(section.Bytes("value"));
            Assert.Null(section.Pixels("value"));
            Assert.Null(section.String("value"));
            Assert.Null(section.StringList("value"));
            Assert.Empty(section.OneOrMany("value"));
        }
    }

    [Fact]
    public void Objects_and_lists_where_one_value_belongs_name_the_key()
    {
        Assert.Equal("expected a single value, found an object", Fails(() => Section("{ \"x\": 1 }").String("value")).Problem);
        Assert.Equal("expected a single value, found a list", Fails(() => Section("[1]").Long("value")).Problem);
        Assert.Equal("expected a single value, found an object", Fails(() => Section("{ \"x\": true }").Bool("value")).Problem);
        Assert.Equal("expected an object, found 5", Fails(() => Section("5").Section("value")).Problem);
        Assert.Equal("expected a list, found 'x'", Fails(() => Section("\"x\"").StringList("value")).Problem);
    }

    [Fact]
    public void A_list_item_is_named_by_its_index()
    {
        var error = Assert.Throws<ConfigurationException>(() => Section("[\"x\", null]").StringList("value"));
        Assert.Equal("a.b.value[1]", error.Key);
        error = Assert.Throws<ConfigurationException>(() => Section("[\"x\", { \"y\": 1 }]").StringList("value"));
        Assert.Equal("a.b.value[1]", error.Key);
    }

    [Fact]
    public void One_value_counts_as_a_list_of_one_where_a_key_takes_either()
    {
        Assert.Equal(["pinned"], Section("\"pinned\"").OneOrMany("value"));
        Assert.Equal(["webp", "jpg"], Section("[\"webp\", \"\", \"jpg\"]").OneOrMany("value"));
        Assert.Empty(Section("\"\"").OneOrMany("value"));
    }

    [Fact]
    public void Optional_text_treats_an_empty_string_as_unset() =>
        Assert.Null(Section("\"\"").OptionalText("value"));
}
