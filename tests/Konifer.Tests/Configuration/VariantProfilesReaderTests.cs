using System.Text.Json.Nodes;
using Konifer.Configuration;
using Konifer.Configuration.Reading;
using Konifer.Tests.Paths;
using Konifer.Transformations;

namespace Konifer.Tests.Configuration;

public class VariantProfilesReaderTests
{
    private static VariantProfiles Read(JsonObject? document) => VariantProfilesReader.Read(ConfigReader.Root(document));

    [Fact]
    public void BothSyntaxesLoad()
    {
        var byName = Read(ConfigJson.Parse(
            """{ "variant-profiles": { "thumb": { "w": 100, "h": 50, "fit": "fill", "strip": ["exif", "xmp"], "q": 80.5, "blur": 0 } } }"""));
        var byList = Read(ConfigJson.Parse(
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
        Assert.Equal(0, Read(null).Count);
        Assert.False(Read(ConfigJson.Parse("{}")).TryGet("thumb", out _));
    }

    [Fact]
    public void AProfileMustBeAnObject()
    {
        var ex = Assert.Throws<ConfigurationException>(() =>
            Read(ConfigJson.Parse("""{ "variant-profiles": { "thumb": 5 } }""")));
        Assert.Equal("variant-profiles.thumb", ex.Key);
    }

    [Fact]
    public void A_bad_parameter_names_the_profile_and_the_parameter()
    {
        var profiles = Read(ConfigJson.Parse("""{ "variant-profiles": [ { "name": "thumb", "w": 100, "fit": "squash" } ] }"""));
        var ex = Assert.Throws<ConfigurationException>(() => VariantProfilesReader.CheckParameters(profiles));
        Assert.Equal("variant-profiles.thumb.fit", ex.Key);
        Assert.Contains("squash", ex.Message);
    }
}
