using Konifer.Core.Assets;

namespace Konifer.Tests.Core.Assets;

public class AssetPathTests
{
    [Theory]
    [InlineData("users/123/avatar", "/users/123/avatar")]
    [InlineData("/users/123/avatar/", "/users/123/avatar")]
    [InlineData("A_b~c!d$e'f(g)h*i+j=k@l-m", "/A_b~c!d$e'f(g)h*i+j=k@l-m")]
    public void Accepts_the_segment_grammar(string raw, string canonical)
    {
        Assert.True(AssetPath.TryParse(raw, out var path, out var error), error);
        Assert.Equal(canonical, path!.Value);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("a//b", "empty segment")]
    [InlineData("a/-/b", "'-'")]
    [InlineData("a/../b", "Relative segments")]
    [InlineData("a/b.c", "contains '.'")]
    [InlineData("a/b%20c", "contains '%'")]
    [InlineData("a/b\u0001c", "contains '?'")]
    [InlineData("a/ü", "contains 'ü'")]
    public void Rejects_with_a_reason(string raw, string reason)
    {
        Assert.False(AssetPath.TryParse(raw, out _, out var error));
        Assert.Contains(reason, error);
    }

    [Fact]
    public void Rejects_over_long_paths()
    {
        Assert.False(AssetPath.TryParse(string.Join('/', Enumerable.Repeat("a", 65)), out _, out var tooMany));
        Assert.Contains("64 segments", tooMany);
        Assert.False(AssetPath.TryParse(new string('a', 256), out _, out var tooLong));
        Assert.Contains("255", tooLong);
    }

    [Fact]
    public void Is_case_sensitive_and_compares_by_value()
    {
        Assert.Equal(AssetPath.Parse("a/b"), AssetPath.Parse("/a/b/"));
        Assert.NotEqual(AssetPath.Parse("a/B"), AssetPath.Parse("a/b"));
        Assert.True(AssetPath.Parse("a/b/c").IsSameOrDescendantOf(AssetPath.Parse("a/b")));
        Assert.False(AssetPath.Parse("a/bc").IsSameOrDescendantOf(AssetPath.Parse("a/b")));
    }
}
