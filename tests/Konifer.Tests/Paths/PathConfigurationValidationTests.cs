using Konifer.Configuration;
using Konifer.Paths;

namespace Konifer.Tests.Paths;

public class PathConfigurationValidationTests
{
    private static ConfigurationException Fails(string json) =>
        Assert.Throws<ConfigurationException>(() => ConfigJson.Resolver(json));

    [Theory]
    [InlineData("""{ "paths": { "/users/**": { "transform": { "expire": { "strategy": "sometimes" } } } } }""",
        "paths.\"/users/**\".transform.expire.strategy", "'sometimes' is not one of never, ttl, idle")]
    [InlineData("""{ "paths": [ { "path": "/a" }, { "path": "/users/**", "transform": { "expire": { "strategy": "sometimes" } } } ] }""",
        "paths[1].transform.expire.strategy", "'sometimes' is not one of never, ttl, idle")]
    [InlineData("""{ "paths": { "/a": { "transform": { "expire": { "strategy": "ttl" } } } } }""",
        "paths.\"/a\".transform.expire.ttl", "required")]
    [InlineData("""{ "paths": { "/a": { "transform": { "expire": { "strategy": "ttl", "ttl": "soon" } } } } }""",
        "paths.\"/a\".transform.expire.ttl", "'soon' is not a duration")]
    [InlineData("""{ "paths": { "/a": { "allowed-content-types": ["image/png", "image/bmp"] } } }""",
        "paths.\"/a\".allowed-content-types[1]", "'image/bmp' is not a supported content type")]
    [InlineData("""{ "paths": { "/a": { "allowed-content-types": "image/png" } } }""",
        "paths.\"/a\".allowed-content-types", "expected a list")]
    [InlineData("""{ "paths": { "/a": { "image": { "lqip": ["blurhash", "fancyhash"] } } } }""",
        "paths.\"/a\".image.lqip[1]", "'fancyhash' is not one of blurhash, thumbhash")]
    [InlineData("""{ "paths": { "/a": { "transform": { "on-demand-variant": { "mode": "sometimes" } } } } }""",
        "paths.\"/a\".transform.on-demand-variant.mode", "'sometimes' is not one of enabled, profile_only, disabled")]
    [InlineData("""{ "paths": { "/a": { "transform": { "eager-variants": ["thumb"] } } } }""",
        "paths.\"/a\".transform.eager-variants[0]", "'thumb' is not a profile defined in variant-profiles")]
    [InlineData("""{ "paths": { "/a": { "transform": { "preprocessing": { "enabled": "maybe" } } } } }""",
        "paths.\"/a\".transform.preprocessing.enabled", "not a boolean")]
    [InlineData("""{ "paths": { "/a": { "transform": { "preprocessing": { "image": { "w": { "x": 1 } } } } } } }""",
        "paths.\"/a\".transform.preprocessing.image.w", "expected a single value")]
    [InlineData("""{ "paths": { "/a": { "object-store": { "bucket": "Bad_Bucket" } } } }""",
        "paths.\"/a\".object-store.bucket", "'Bad_Bucket' is not a valid bucket name")]
    [InlineData("""{ "paths": { "/a": { "object-store": { "bucket": "ab" } } } }""",
        "paths.\"/a\".object-store.bucket", "3 to 63")]
    [InlineData("""{ "paths": { "/a": { "object-store": { "bucket": "192.168.1.1" } } } }""",
        "paths.\"/a\".object-store.bucket", "IP address")]
    [InlineData("""{ "paths": [ { "path": "/a", "bucket": "Upper" } ] }""",
        "paths[0].bucket", "'Upper' is not a valid bucket name")]
    [InlineData("""{ "paths": { "/a": { "bucket": "one", "object-store": { "bucket": "two" } } } }""",
        "paths.\"/a\".bucket", "conflicts with object-store.bucket")]
    [InlineData("""{ "paths": { "/a": { "upload-ruleset": { "default": "maybe" } } } }""",
        "paths.\"/a\".upload-ruleset.default", "'maybe' is not one of accept, reject")]
    [InlineData("""{ "paths": { "/a": { "upload-ruleset": { "reject-rules": [ { "violation-response": "no" } ] } } } }""",
        "paths.\"/a\".upload-ruleset.reject-rules[0].rule", "required")]
    [InlineData("""{ "paths": { "/a": { "upload-ruleset": { "accept-rules": [ { "rule": "x" } ], "reject-rules": [ { "rule": "X" } ] } } } }""",
        "paths.\"/a\".upload-ruleset.reject-rules", "'x' is also in accept-rules")]
    [InlineData("""{ "paths": { "/a": { "delivery": { "strategy": "bounce" } } } }""",
        "paths.\"/a\".delivery.strategy", "'bounce' is not one of service, presigned, template")]
    [InlineData("""{ "paths": { "/a": { "return-format": { "redirect": { "strategy": "bounce" } } } } }""",
        "paths.\"/a\".return-format.redirect.strategy", "'bounce' is not one of none, service, presigned, template")]
    [InlineData("""{ "paths": { "/a": { "delivery": { "template": { "string": "javascript:alert(1)" } } } } }""",
        "paths.\"/a\".delivery.template.string", "cannot start with: [javascript:, vbscript:, data:]")]
    [InlineData("""{ "paths": { "/a": { "delivery": { "template": { "string": " \tJavaScript:alert(1)" } } } } }""",
        "paths.\"/a\".delivery.template.string", "cannot start with: [javascript:, vbscript:, data:]")]
    [InlineData("""{ "paths": { "/a": { "delivery": { "strategy": "presigned", "template": { "string": "vbscript:x" } } } } }""",
        "paths.\"/a\".delivery.template.string", "cannot start with")]
    [InlineData("""{ "paths": { "/a": { "return-format": { "redirect": { "template": { "string": "data:text/html,x" } } } } } }""",
        "paths.\"/a\".return-format.redirect.template.string", "cannot start with")]
    [InlineData("""{ "paths": { "/a": { "delivery": { "template": { "string": "  " } } } } }""",
        "paths.\"/a\".delivery.template.string", "must be populated")]
    [InlineData("""{ "paths": { "/a": { "delivery": { "strategy": "presigned", "presigned": { "ttl": "8d" } } } } }""",
        "paths.\"/a\".delivery.presigned.ttl", "Presigned TTL cannot be greater than 7 days")]
    [InlineData("""{ "paths": { "/a": { "delivery": { "strategy": "presigned", "presigned": { "ttl": "0s" } } } } }""",
        "paths.\"/a\".delivery.presigned.ttl", "Presigned TTL must be positive")]
    [InlineData("""{ "paths": { "/**": { "delivery": { "strategy": "presigned" } }, "/a": { "delivery": { "presigned": { "ttl": "30d" } } } } }""",
        "paths.\"/a\".delivery.presigned.ttl", "Presigned TTL cannot be greater than 7 days")]
    [InlineData("""{ "paths": { "/a": { "delivery": { "presigned": { "ttl": "soon" } } } } }""",
        "paths.\"/a\".delivery.presigned.ttl", "'soon' is not a duration")]
    [InlineData("""{ "paths": { "/a": { "cache-control": { "max-age": 0 } } } }""",
        "paths.\"/a\".cache-control.max-age", "not greater than zero")]
    [InlineData("""{ "paths": { "/a": { "cache-control": { "s-maxage": "soon" } } } }""",
        "paths.\"/a\".cache-control.s-maxage", "not a number of seconds")]
    [InlineData("""{ "paths": { "/a": { "cache-control": { "visibility": "secret" } } } }""",
        "paths.\"/a\".cache-control.visibility", "'secret' is not one of public, private")]
    [InlineData("""{ "paths": { "/a": { "cache-control": { "revalidate": "sometimes" } } } }""",
        "paths.\"/a\".cache-control.revalidate", "'sometimes' is not one of must-revalidate, proxy-revalidate, no-cache")]
    [InlineData("""{ "paths": { "/a": { "cache-control": true } } }""",
        "paths.\"/a\".cache-control", "expected an object")]
    [InlineData("""{ "paths": { "/a//b": { } } }""",
        "paths.\"/a//b\"", "empty segment")]
    [InlineData("""{ "paths": [ { "bucket": "x" } ] }""",
        "paths[0].path", "required")]
    [InlineData("""{ "paths": [ { "path": "/a/b*" } ] }""",
        "paths[0].path", "whole segments")]
    [InlineData("""{ "paths": [ { "path": "/a" }, { "path": "a/" } ] }""",
        "paths[1]", "already configured at paths[0]")]
    [InlineData("""{ "paths": { "/a": 5 } }""",
        "paths.\"/a\"", "expected an object")]
    [InlineData("""{ "paths": "everything" }""",
        "paths", "expected an object keyed by path pattern or a list")]
    [InlineData("""{ "variant-profiles": [ { "w": 100 } ] }""",
        "variant-profiles[0].name", "required")]
    [InlineData("""{ "variant-profiles": [ { "name": "a", "w": 1 }, { "name": "A", "w": 2 } ] }""",
        "variant-profiles[1].name", "defined twice")]
    [InlineData("""{ "variant-profiles": { "bad name": { "w": 1 } } }""",
        "variant-profiles.\"bad name\"", "not a valid profile name")]
    public void ErrorsNameTheirKey(string json, string key, string problem)
    {
        var ex = Fails(json);
        Assert.Equal(key, ex.Key);
        Assert.Contains(problem, ex.Problem);
        Assert.StartsWith(key + ": ", ex.Message);
    }

    [Fact]
    public void TheExampleMessageReadsAsDocumented()
    {
        var ex = Fails("""{ "paths": { "/users/**": { "transform": { "expire": { "strategy": "sometimes" } } } } }""");
        Assert.Equal("paths.\"/users/**\".transform.expire.strategy: 'sometimes' is not one of never, ttl, idle", ex.Message);
    }

    [Fact]
    public void ABadValueInTheRootBlockIsReportedAtTheRoot()
    {
        var ex = Fails("""{ "paths": { "/a/**": { "bucket": "fine-bucket" }, "/**": { "bucket": "x" } } }""");
        Assert.Equal("paths.\"/**\".bucket", ex.Key);
    }

    [Fact]
    public void AnInheritedTtlFromTheRootSatisfiesTheStrategy()
    {
        var resolver = ConfigJson.Resolver("""
            { "paths": { "/**": { "transform": { "expire": { "ttl": "10m" } } }, "/tmp/**": { "transform": { "expire": { "strategy": "ttl" } } } } }
            """);
        Assert.Equal(new ExpirationSettings(ExpirationStrategy.Ttl, TimeSpan.FromMinutes(10)), resolver.Resolve("/tmp/x").Expiration);
        Assert.Equal(ExpirationSettings.Never, resolver.Resolve("/other").Expiration);
    }

    [Fact]
    public void A_presigned_ttl_is_checked_only_where_the_strategy_is_presigned()
    {
        var resolver = ConfigJson.Resolver("""
            { "paths": { "/**": { "delivery": { "presigned": { "ttl": "30d" } } }, "/t/**": { "delivery": { "strategy": "template" } } } }
            """);
        Assert.Equal(DeliveryStrategy.Service, resolver.Resolve("/a").Delivery.Strategy);
        Assert.Equal(DeliveryStrategy.Template, resolver.Resolve("/t/a").Delivery.Strategy);
    }

    [Fact]
    public void UnknownKeysAreTolerated()
    {
        var resolver = ConfigJson.Resolver("""
            { "paths": { "/a": { "something-new": { "x": 1 }, "transform": { "future-key": true }, "bucket": "bucket-a" } } }
            """);
        Assert.Equal("bucket-a", resolver.Resolve("/a").Bucket);
    }

    [Fact]
    public void AcceptAndRejectListsFromDifferentBlocksDoNotConflict()
    {
        var resolver = ConfigJson.Resolver("""
            { "paths": { "/**": { "upload-ruleset": { "accept-rules": [ { "rule": "x" } ] } },
                         "/a": { "upload-ruleset": { "reject-rules": [ { "rule": "x" } ] } } } }
            """);
        var ruleset = resolver.Resolve("/a").UploadRuleset;
        Assert.Equal("x", Assert.Single(ruleset.AcceptRules).Rule);
        Assert.Equal("x", Assert.Single(ruleset.RejectRules).Rule);
    }
}
