using Konifer.Configuration;
using Konifer.Transformations;

namespace Konifer.Tests.Paths;

public class VariantProfilesTests
{
    [Fact]
    public void BothSyntaxesLoad()
    {
        var byName = VariantProfiles.FromConfiguration(ConfigJson.Parse(
            """{ "variant-profiles": { "thumb": { "w": 100, "h": 50, "fit": "fill", "strip": ["exif", "xmp"], "q": 80.5, "blur": 0 } } }"""));
        var byList = VariantProfiles.FromConfiguration(ConfigJson.Parse(
            """{ "variant-profiles": [ { "name": "thumb", "w": 100, "h": 50, "fit": "fill", "strip": ["exif", "xmp"], "q": 80.5, "blur": 0 } ] }"""));
        foreach (var profiles in new[] { byName, byList })
        {
            Assert.True(profiles.TryGet("THUMB", out var parameters));
            Assert.Equal(
                new Dictionary<string, string> { ["w"] = "100", ["h"] = "50", ["fit"] = "fill", ["strip"] = "exif,xmp", ["q"] = "80.5", ["blur"] = "0" },
                parameters);
            Assert.Equal(["thumb"], profiles.Names);
        }
    }

    [Fact]
    public void MissingIsEmpty()
    {
        Assert.Equal(0, VariantProfiles.FromConfiguration(null).Count);
        Assert.False(VariantProfiles.FromConfiguration(ConfigJson.Parse("{}")).TryGet("thumb", out _));
    }

    [Fact]
    public void AProfileMustBeAnObject()
    {
        var ex = Assert.Throws<ConfigurationException>(() =>
            VariantProfiles.FromConfiguration(ConfigJson.Parse("""{ "variant-profiles": { "thumb": 5 } }""")));
        Assert.Equal("variant-profiles.thumb", ex.Key);
    }
}
