using Konifer.Paths;

namespace Konifer.Tests.Paths;

public class CacheControlSettingsTests
{
    [Fact]
    public void RendersEveryDirectiveInOrder()
    {
        var settings = new CacheControlSettings(true, TimeSpan.FromSeconds(1000000), TimeSpan.FromSeconds(2000000),
            CacheVisibility.Public, CacheRevalidation.ProxyRevalidate, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), true);
        Assert.Equal(
            "max-age=1000000, s-maxage=2000000, public, proxy-revalidate, stale-while-revalidate=30, stale-if-error=60, immutable",
            settings.ToHeaderValue());
    }

    [Fact]
    public void DisabledOrEmptyRendersNothing()
    {
        Assert.Null((CacheControlSettings.Disabled with { MaxAge = TimeSpan.FromSeconds(5) }).ToHeaderValue());
        Assert.Null((CacheControlSettings.Disabled with { Enabled = true }).ToHeaderValue());
    }

    [Fact]
    public void ReadsSecondsAndDurations()
    {
        var config = ConfigJson.Resolver("""
            { "paths": { "/**": { "cache-control": { "enabled": "true", "max-age": "1h", "s-maxage": "120",
                "revalidate": "no-cache", "stale-if-error": 5, "visibility": "PUBLIC" } } } }
            """).Resolve("/x");
        Assert.Equal("max-age=3600, s-maxage=120, public, no-cache, stale-if-error=5", config.CacheControl.ToHeaderValue());
    }

    [Fact]
    public void FractionalSecondsAreRefused()
    {
        var ex = Assert.Throws<Konifer.Configuration.ConfigurationException>(() => ConfigJson.Resolver(
            """{ "paths": { "/**": { "cache-control": { "max-age": "1500ms" } } } }"""));
        Assert.Equal("paths.\"/**\".cache-control.max-age", ex.Key);
    }
}
