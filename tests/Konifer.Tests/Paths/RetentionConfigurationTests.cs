using Konifer.Configuration;
using Konifer.Configuration.Reading;
using Konifer.Paths;

namespace Konifer.Tests.Paths;

/// <summary><c>transform.retention</c>: the variant cache cap, its half-life, and expiry under its new and old keys.</summary>
public class RetentionConfigurationTests
{
    private const string Profiles = """ "variant-profiles": { "s": { "w": 10 }, "m": { "w": 20 }, "l": { "w": 30 } }, """;

    private static ConfigurationException Fails(string json) =>
        Assert.Throws<ConfigurationException>(() => ConfigJson.Resolver(json));

    [Fact]
    public void By_default_an_asset_keeps_16_variants_whose_scores_halve_every_hour()
    {
        var configuration = ConfigJson.Resolver("""{ "paths": { "/a/**": { "bucket": "bucket-a" } } }""").Resolve("/a/x");
        Assert.Equal(new VariantCacheSettings(16, TimeSpan.FromHours(1)), configuration.VariantCache);
        Assert.Equal(new VariantCacheSettings(16, TimeSpan.FromHours(1)), PathConfiguration.Default.VariantCache);
    }

    [Fact]
    public void Each_cache_key_is_inherited_on_its_own()
    {
        var resolver = ConfigJson.Resolver("""
            { "paths": {
                "/**": { "transform": { "retention": { "cache": { "max-variants": 4 } } } },
                "/a/**": { "transform": { "retention": { "cache": { "access-score-half-life": "2h" } } } },
                "/a/b/**": { "transform": { "retention": { "cache": { "max-variants": 9 } } } } } }
            """);
        Assert.Equal(new VariantCacheSettings(4, TimeSpan.FromHours(1)), resolver.Resolve("/other").VariantCache);
        Assert.Equal(new VariantCacheSettings(4, TimeSpan.FromHours(2)), resolver.Resolve("/a/x").VariantCache);
        Assert.Equal(new VariantCacheSettings(9, TimeSpan.FromHours(2)), resolver.Resolve("/a/b/x").VariantCache);
        Assert.Equal(new Konifer.Core.Assets.VariantCap(9, TimeSpan.FromHours(2)), resolver.Resolve("/a/b/x").VariantCache.Cap);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    public void Max_variants_must_be_above_zero(string value)
    {
        var ex = Fails($$"""{ "paths": { "/a": { "transform": { "retention": { "cache": { "max-variants": {{value}} } } } } } }""");
        Assert.Equal("paths.\"/a\".transform.retention.cache.max-variants: 'max-variants' must be greater than zero", ex.Message);
    }

    [Fact]
    public void The_half_life_must_be_above_zero()
    {
        var ex = Fails("""{ "paths": { "/a": { "transform": { "retention": { "cache": { "access-score-half-life": "0s" } } } } } }""");
        Assert.Equal("paths.\"/a\".transform.retention.cache.access-score-half-life: 'access-score-half-life' must be greater than zero", ex.Message);
        Assert.Contains("not a duration",
            Fails("""{ "paths": { "/a": { "transform": { "retention": { "cache": { "access-score-half-life": "soon" } } } } } }""").Message);
    }

    [Fact]
    public void Max_variants_must_exceed_the_eager_variants_of_the_path()
    {
        var ex = Fails($$"""
            { {{Profiles}} "paths": { "/a": { "transform": { "eager-variants": ["s", "m"], "retention": { "cache": { "max-variants": 2 } } } } } }
            """);
        Assert.Equal("paths.\"/a\".transform.retention.cache.max-variants: 'max-variants' must be greater than the number of eager variants (2)", ex.Message);
        ConfigJson.Resolver($$"""
            { {{Profiles}} "paths": { "/a": { "transform": { "eager-variants": ["s", "m"], "retention": { "cache": { "max-variants": 3 } } } } } }
            """);
    }

    [Fact]
    public void Max_variants_and_eager_variants_set_in_different_blocks_are_checked_together_at_start_up()
    {
        // /a/** caps at 2 and /a/b/** asks for three eager variants: /a/b/x would not resolve, so start-up fails.
        var ex = Fails($$"""
            { {{Profiles}} "paths": {
                "/a/**": { "transform": { "retention": { "cache": { "max-variants": 2 } } } },
                "/a/b/**": { "transform": { "eager-variants": ["s", "m", "l"] } } } }
            """);
        Assert.Equal("paths.\"/a/b/**\".transform.retention.cache.max-variants", ex.Key);
        Assert.Contains("(3)", ex.Message);
    }

    [Fact]
    public void Expiry_is_read_from_retention_expire()
    {
        var resolver = ConfigJson.Resolver("""
            { "paths": { "/a/**": { "transform": { "retention": { "expire": { "strategy": "idle", "ttl": "2h" } } } } } }
            """);
        Assert.Equal(new ExpirationSettings(ExpirationStrategy.Idle, TimeSpan.FromHours(2)), resolver.Resolve("/a/x").Expiration);
        var ex = Fails("""{ "paths": { "/a": { "transform": { "retention": { "expire": { "strategy": "ttl" } } } } } }""");
        Assert.Equal("paths.\"/a\".transform.retention.expire.ttl", ex.Key);
    }

    [Fact]
    public void The_older_transform_expire_is_read_when_the_block_has_no_retention_expire()
    {
        var resolver = ConfigJson.Resolver("""
            { "paths": {
                "/old/**": { "transform": { "expire": { "strategy": "ttl", "ttl": "5m" } } },
                "/both/**": { "transform": { "expire": { "strategy": "ttl", "ttl": "5m" }, "retention": { "expire": { "strategy": "idle", "ttl": "1h" } } } },
                "/**": { "transform": { "expire": { "ttl": "7m" } } },
                "/mixed/**": { "transform": { "retention": { "expire": { "strategy": "ttl" } } } } } }
            """);
        Assert.Equal(new ExpirationSettings(ExpirationStrategy.Ttl, TimeSpan.FromMinutes(5)), resolver.Resolve("/old/x").Expiration);
        Assert.Equal(new ExpirationSettings(ExpirationStrategy.Idle, TimeSpan.FromHours(1)), resolver.Resolve("/both/x").Expiration);
        // Keys inherit one by one, whichever spelling each block used.
        Assert.Equal(new ExpirationSettings(ExpirationStrategy.Ttl, TimeSpan.FromMinutes(7)), resolver.Resolve("/mixed/x").Expiration);
    }

    [Fact]
    public void Start_up_names_the_blocks_that_use_the_older_spelling()
    {
        var document = ConfigJson.Parse("""
            { "paths": {
                "/old/**": { "transform": { "expire": { "strategy": "never" } } },
                "/both/**": { "transform": { "expire": { "strategy": "never" }, "retention": { "expire": { "strategy": "never" } } } },
                "/new/**": { "transform": { "retention": { "expire": { "strategy": "never" } } } } } }
            """);
        Assert.Equal(["paths.\"/old/**\".transform.expire"], Legacy(document));
        var list = ConfigJson.Parse("""{ "paths": [ { "path": "/a" }, { "path": "/b", "transform": { "expire": { "ttl": "1h" } } } ] }""");
        Assert.Equal(["paths[1].transform.expire"], Legacy(list));
        Assert.Empty(Legacy(ConfigJson.Parse("{}")));
    }

    private static string[] Legacy(System.Text.Json.Nodes.JsonObject document)
    {
        document["object-store"] = new System.Text.Json.Nodes.JsonObject { ["provider"] = "in-memory" };
        return [.. KoniferConfigurationReader.Read(document).Warnings.Select(w => w[..w.IndexOf(": ", StringComparison.Ordinal)])];
    }
}
