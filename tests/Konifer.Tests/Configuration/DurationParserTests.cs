using Konifer.Configuration;

namespace Konifer.Tests.Configuration;

public class DurationParserTests
{
    public static TheoryData<string, TimeSpan> Valid => new()
    {
        { "10", TimeSpan.FromMilliseconds(10) },
        { "0", TimeSpan.Zero },
        { "100ms", TimeSpan.FromMilliseconds(100) },
        { "100 millis", TimeSpan.FromMilliseconds(100) },
        { "5 milli", TimeSpan.FromMilliseconds(5) },
        { "2 milliseconds", TimeSpan.FromMilliseconds(2) },
        { "10s", TimeSpan.FromSeconds(10) },
        { "10 seconds", TimeSpan.FromSeconds(10) },
        { "1 second", TimeSpan.FromSeconds(1) },
        { "30m", TimeSpan.FromMinutes(30) },
        { "5 minutes", TimeSpan.FromMinutes(5) },
        { "1 minute", TimeSpan.FromMinutes(1) },
        { "24h", TimeSpan.FromHours(24) },
        { "1 hour", TimeSpan.FromHours(1) },
        { "1.5 hours", TimeSpan.FromMinutes(90) },
        { "7d", TimeSpan.FromDays(7) },
        { "2 days", TimeSpan.FromDays(2) },
        { "1 day", TimeSpan.FromDays(1) },
        { "  7d  ", TimeSpan.FromDays(7) },
        { " 5 m ", TimeSpan.FromMinutes(5) },
        { "250", TimeSpan.FromMilliseconds(250) },
        { "1500us", TimeSpan.FromMicroseconds(1500) },
        { "2 microseconds", TimeSpan.FromMicroseconds(2) },
        { "1000000ns", TimeSpan.FromMilliseconds(1) },
        { "300 nanoseconds", TimeSpan.FromTicks(3) },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Parses_hocon_durations(string text, TimeSpan expected)
    {
        Assert.True(DurationParser.TryParse(text, out var value));
        Assert.Equal(expected, value);
        Assert.Equal(expected, DurationParser.Parse(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-5s")]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("10 parsecs")]
    [InlineData("10y")]
    [InlineData("m")]
    [InlineData("10S")]
    [InlineData("10 Seconds")]
    [InlineData("s")]
    [InlineData("1.s")]
    [InlineData(".5s")]
    [InlineData("1.2.3s")]
    [InlineData("10s 5m")]
    [InlineData("99999999999999d")]
    [InlineData("99999999999999999999d")]
    public void Rejects_invalid_durations(string? text)
    {
        Assert.False(DurationParser.TryParse(text, out var value));
        Assert.Equal(TimeSpan.Zero, value);
    }

    [Fact]
    public void Parse_throws_a_clear_format_exception()
    {
        var e = Assert.Throws<FormatException>(() => DurationParser.Parse("-5s"));
        Assert.Contains("'-5s' is not a valid duration", e.Message);
        Assert.Contains("a plain number means milliseconds", e.Message);
    }
}
