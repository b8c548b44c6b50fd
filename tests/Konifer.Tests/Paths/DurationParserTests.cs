using Konifer.Configuration;

namespace Konifer.Tests.Paths;

public class DurationParserTests
{
    [Theory]
    [InlineData("10s", 10_000)]
    [InlineData("30m", 1_800_000)]
    [InlineData("24h", 86_400_000)]
    [InlineData("7d", 604_800_000)]
    [InlineData("100ms", 100)]
    [InlineData("250", 250)]
    [InlineData(" 5 m ", 300_000)]
    public void Parses(string text, long milliseconds)
    {
        Assert.True(DurationParser.TryParse(text, out var value));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("m")]
    [InlineData("10y")]
    [InlineData("-5s")]
    [InlineData("99999999999999999999d")]
    public void Refuses(string? text) => Assert.False(DurationParser.TryParse(text, out _));
}
