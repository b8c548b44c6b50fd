using Konifer.Variants;
using static Konifer.Tests.Transformations.Requests;

namespace Konifer.Tests.Variants;

/// <summary>Which variants reuse their original's placeholders (nothing visible at placeholder size changed) and which compute new ones.</summary>
public class PlaceholderRulesTests
{
    private static bool Reuses(string query)
    {
        var original = Original(400, 300);
        var transformation = Normalize(query, original) ?? throw new InvalidOperationException($"'{query}' is the original itself");
        return PlaceholderRules.CanReuse(transformation, original);
    }

    [Theory]
    [InlineData("format=webp")]
    [InlineData("format=png&q=40")]
    [InlineData("q=30")]
    [InlineData("strip=exif,xmp")]
    [InlineData("blur=20")]
    [InlineData("cs=srgb")]
    [InlineData("w=200")]
    [InlineData("h=90&format=avif")]
    [InlineData("w=200&h=150&fit=fill")]
    [InlineData("w=200&h=150&fit=crop&g=attention")]
    [InlineData("w=800&h=601&fit=stretch")]
    public void Format_quality_metadata_blur_and_aspect_keeping_resizes_reuse(string query) => Assert.True(Reuses(query), query);

    [Theory]
    [InlineData("r=90")]
    [InlineData("r=180")]
    [InlineData("r=270&w=100")]
    [InlineData("f=h")]
    [InlineData("f=v&format=webp")]
    [InlineData("filter=grayscale")]
    [InlineData("filter=sepia")]
    [InlineData("filter=black_white")]
    [InlineData("pad=10")]
    [InlineData("cs=grayscale")]
    [InlineData("cs=p3")]
    [InlineData("w=100&h=100&fit=fill")]
    [InlineData("w=300&h=100&fit=crop")]
    [InlineData("w=100&h=100&fit=stretch")]
    public void Orientation_colour_padding_and_aspect_changes_recompute(string query) => Assert.False(Reuses(query), query);
}
