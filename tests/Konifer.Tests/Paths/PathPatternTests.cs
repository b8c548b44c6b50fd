using System.Text.Json.Nodes;
using Konifer.Configuration;
using Konifer.Core.Assets;
using Konifer.Paths;

namespace Konifer.Tests.Paths;

public class PathPatternTests
{
    [Theory]
    [InlineData("/**", "/a", true)]
    [InlineData("/**", "/a/b/c", true)]
    [InlineData("/users/*", "/users/123", true)]
    [InlineData("/users/*", "/users/123/profile", false)]
    [InlineData("/users/*", "/users", false)]
    [InlineData("/users/**", "/users", true)] // ** matches zero segments
    [InlineData("/users/**", "/users/123", true)]
    [InlineData("/users/**", "/users/123/profile", true)]
    [InlineData("/users/**", "/user", false)]
    [InlineData("/users/*/avatar", "/users/1/avatar", true)]
    [InlineData("/users/*/avatar", "/users/1/2/avatar", false)]
    [InlineData("/users/**/avatar", "/users/avatar", true)] // ** in the middle, zero segments
    [InlineData("/users/**/avatar", "/users/1/2/3/avatar", true)]
    [InlineData("/users/**/avatar", "/users/1/2/3/avatar/x", false)]
    [InlineData("/users/**/avatar", "/users/1/avatar/avatar", true)] // needs back-tracking
    [InlineData("/**/avatar", "/avatar", true)]
    [InlineData("/**/b/*", "/a/b/c/b/d", true)]
    [InlineData("/**/b/*", "/a/b/c/b", false)]
    [InlineData("/users/123/profile", "/users/123/profile", true)]
    [InlineData("/users/123/profile", "/users/124/profile", false)]
    [InlineData("/Users/ABC", "/users/abc", true)] // literals compare case-insensitively, as the reference
    public void Matches(string pattern, string path, bool expected) =>
        Assert.Equal(expected, PathPattern.Parse(pattern).Matches(AssetPath.Parse(path)));

    [Theory]
    [InlineData("/users", "/users/123/profile", true)] // parent paths pass their configuration on
    [InlineData("/users/*", "/users/123", true)]
    [InlineData("/users/*", "/users/123/profile", false)] // * names exactly one segment (issue 12)
    [InlineData("/*", "/a/b", false)]
    [InlineData("/users/*", "/users", false)]
    [InlineData("/users/*/avatar", "/users/1/avatar/small", true)] // ends in a literal: inherited
    [InlineData("/users/*/**", "/users/1/avatar", true)]
    [InlineData("/users/*/avatar", "/users/1/profile", false)]
    [InlineData("/blog/123", "/blog/1234", false)]
    public void AppliesToThePathAndItsDescendants(string pattern, string path, bool expected) =>
        Assert.Equal(expected, PathPattern.Parse(pattern).AppliesTo(AssetPath.Parse(path)));

    [Theory]
    [InlineData("users/**", "/users/**")]
    [InlineData("/users/", "/users")]
    [InlineData(" /a/**/**/b ", "/a/**/b")]
    [InlineData("/**", "/**")]
    public void ParseNormalizes(string text, string expected) =>
        Assert.Equal(expected, PathPattern.Parse(text).Value);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("/")]
    [InlineData("/users//x")]
    [InlineData("/users/a*")]
    [InlineData("/users/***")]
    [InlineData("/users/a b")]
    [InlineData("/users/a.b")]
    [InlineData("/users/-/x")]
    [InlineData("/users/..")]
    [InlineData("/users/%41")]
    public void InvalidPatternsAreRejected(string text)
    {
        Assert.False(PathPattern.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
        var configured = new JsonObject { ["paths"] = new JsonArray(new JsonObject { ["path"] = text }) };
        var ex = Assert.Throws<ConfigurationException>(() => ConfigJson.Resolver(configured));
        Assert.Equal("paths[0].path", ex.Key);
        Assert.Equal(error, ex.Problem);
    }

    [Fact]
    public void SpecificityOrdersLeastToMostSpecific()
    {
        string[] expected =
        [
            "/**",
            "/*",
            "/users",
            "/*/**",
            "/users/**",
            "/users/*",
            "/users/123",
            "/*/*/avatar",
            "/users/**/avatar",
            "/users/*/**",
            "/users/*/avatar",
            "/users/123/avatar",
        ];
        var shuffled = expected.Reverse().Concat(expected.Where((_, i) => i % 2 == 0)).Distinct()
            .OrderBy(p => p.GetHashCode()).Select(PathPattern.Parse).ToList();
        shuffled.Sort(PathPattern.SpecificityComparer);
        Assert.Equal(expected, shuffled.Select(p => p.Value));
    }

    [Fact]
    public void RootIsLessSpecificThanEveryOtherPattern()
    {
        foreach (var text in new[] { "/*", "/a", "/**/a", "/*/**", "/a/**" })
            Assert.True(PathPattern.CompareSpecificity(PathPattern.Root, PathPattern.Parse(text)) < 0, text);
    }

    [Fact]
    public void SpecificityIsZeroOnlyForEqualPatterns()
    {
        Assert.Equal(0, PathPattern.CompareSpecificity(PathPattern.Parse("/a/B"), PathPattern.Parse("a/b/")));
        Assert.NotEqual(0, PathPattern.CompareSpecificity(PathPattern.Parse("/a/b"), PathPattern.Parse("/a/c")));
    }
}
