using Konifer.Core.Assets;
using Konifer.Core.Images;
using Konifer.Paths;
using Konifer.Transformations;

namespace Konifer.Tests.Paths;

public class PathConfigurationResolverTests
{
    [Fact]
    public void NothingConfiguredGivesTheSystemDefaults()
    {
        foreach (var resolver in new[] { ConfigJson.Resolver("{}"), ConfigJson.Resolver((System.Text.Json.Nodes.JsonObject?)null), PathConfigurationResolver.Empty })
        {
            var config = resolver.Resolve("/users/1");
            Assert.Equal(ImageFormats.All, config.AllowedContentTypes);
            Assert.Empty(config.Lqip);
            Assert.False(config.Preprocessing.Enabled);
            Assert.Empty(config.Preprocessing.Parameters);
            Assert.Empty(config.EagerVariants);
            Assert.Equal(OnDemandVariantMode.Enabled, config.OnDemandVariantMode);
            Assert.Equal(ExpirationStrategy.Never, config.Expiration.Strategy);
            Assert.Null(config.Expiration.Ttl);
            Assert.Equal("assets", config.Bucket);
            Assert.Equal(UploadDecision.Accept, config.UploadRuleset.Default);
            Assert.Empty(config.UploadRuleset.RejectRules);
            Assert.Equal(DeliveryStrategy.Service, config.Delivery.Strategy);
            Assert.Equal(TimeSpan.FromMinutes(30), config.Delivery.PresignedTtl);
            Assert.Equal("http://localhost", config.Delivery.TemplateString);
            Assert.False(config.CacheControl.Enabled);
            Assert.Null(config.CacheControl.ToHeaderValue());
        }
    }

    [Fact]
    public void EveryKeyIsRead()
    {
        var config = ConfigJson.Resolver("""
            {
              "variant-profiles": { "small": { "w": 100 }, "large": { "w": 1000 } },
              "paths": { "/**": {
                "allowed-content-types": ["image/png", "image/JPEG"],
                "image": { "lqip": ["blurhash", "Thumbhash"] },
                "transform": {
                  "preprocessing": { "enabled": true, "image": { "max-width": 500, "format": "webp", "q": 80, "strip": ["exif", "xmp"] } },
                  "eager-variants": ["small", "LARGE"],
                  "on-demand-variant": { "mode": "PROFILE_ONLY" },
                  "expire": { "strategy": "idle", "ttl": "7d" }
                },
                "object-store": { "bucket": "my-images" },
                "upload-ruleset": { "default": "reject", "accept-rules": [ { "rule": "Cats" } ],
                                    "modify-rules": [ { "rule": "dogs", "labels": { "kind": "dog" } } ] },
                "delivery": { "strategy": "template", "template": { "string": "https://cdn.example/{bucket}/{key}" }, "presigned": { "ttl": "1h" } },
                "cache-control": { "enabled": true, "max-age": 3600, "visibility": "private", "immutable": true }
              } }
            }
            """).Resolve("/any/thing");

        Assert.Equal([ImageFormat.Png, ImageFormat.Jpeg], config.AllowedContentTypes);
        Assert.True(config.Allows(ImageFormat.Png));
        Assert.False(config.Allows(ImageFormat.Gif));
        Assert.Equal(new HashSet<LqipAlgorithm> { LqipAlgorithm.Blurhash, LqipAlgorithm.Thumbhash }, config.Lqip);
        Assert.True(config.Preprocessing.Enabled);
        Assert.Equal("500", config.Preprocessing.Parameters["clamp-width"]);
        Assert.Equal("webp", config.Preprocessing.Parameters["format"]);
        Assert.Equal("80", config.Preprocessing.Parameters["q"]);
        Assert.Equal("exif,xmp", config.Preprocessing.Parameters["strip"]);
        Assert.Equal(["small", "LARGE"], config.EagerVariants);
        Assert.Equal(OnDemandVariantMode.ProfileOnly, config.OnDemandVariantMode);
        Assert.Equal(new ExpirationSettings(ExpirationStrategy.Idle, TimeSpan.FromDays(7)), config.Expiration);
        Assert.Equal("my-images", config.Bucket);
        Assert.Equal(UploadDecision.Reject, config.UploadRuleset.Default);
        Assert.Equal("cats", Assert.Single(config.UploadRuleset.AcceptRules).Rule);
        Assert.Equal("dog", Assert.Single(config.UploadRuleset.ModifyRules).Labels["kind"]);
        Assert.Equal(DeliveryStrategy.Template, config.Delivery.Strategy);
        Assert.Equal("https://cdn.example/b/k.png", config.Delivery.ResolveTemplate("b", "k.png"));
        Assert.Equal(TimeSpan.FromHours(1), config.Delivery.PresignedTtl);
        Assert.Equal("max-age=3600, private, immutable", config.CacheControl.ToHeaderValue());
    }

    [Fact]
    public void ParentPathsPassTheirConfigurationOn()
    {
        // The reference's own example: /users/123 uses the bucket of /users and its own content types.
        var resolver = ConfigJson.Resolver("""
            { "paths": { "/users": { "bucket": "users" }, "/users/123": { "allowed-content-types": ["image/png", "image/jpeg"] } } }
            """);
        var config = resolver.Resolve("/users/123");
        Assert.Equal("users", config.Bucket);
        Assert.Equal([ImageFormat.Png, ImageFormat.Jpeg], config.AllowedContentTypes);
        Assert.Equal("users", resolver.Resolve("/users/456/x").Bucket);
        Assert.Equal(ImageFormats.All, resolver.Resolve("/users/456").AllowedContentTypes);
        Assert.Equal("assets", resolver.Resolve("/blog/1").Bucket);
    }

    [Fact]
    public void ObjectsMergeDeeplyAndTheMostSpecificPatternWinsPerKey()
    {
        var resolver = ConfigJson.Resolver("""
            { "paths": {
                "/**": { "cache-control": { "enabled": true, "max-age": 60, "visibility": "public" }, "bucket": "root-bucket" },
                "/users/**": { "cache-control": { "max-age": 600 }, "transform": { "expire": { "strategy": "ttl", "ttl": "1h" } } },
                "/users/*/avatar": { "cache-control": { "immutable": true }, "transform": { "expire": { "ttl": "2h" } } }
            } }
            """);
        var avatar = resolver.Resolve("/users/7/avatar");
        Assert.Equal("max-age=600, public, immutable", avatar.CacheControl.ToHeaderValue());
        Assert.Equal(new ExpirationSettings(ExpirationStrategy.Ttl, TimeSpan.FromHours(2)), avatar.Expiration);
        Assert.Equal("root-bucket", avatar.Bucket);

        var user = resolver.Resolve("/users/7");
        Assert.Equal("max-age=600, public", user.CacheControl.ToHeaderValue());
        Assert.Equal(TimeSpan.FromHours(1), user.Expiration.Ttl);

        Assert.Equal("max-age=60, public", resolver.Resolve("/blog").CacheControl.ToHeaderValue());
    }

    [Fact]
    public void ListsReplaceAndAnEmptyListClears()
    {
        var resolver = ConfigJson.Resolver("""
            { "paths": {
                "/users": { "allowed-content-types": ["image/png", "image/gif"], "image": { "lqip": ["blurhash"] } },
                "/users/123": { "allowed-content-types": ["image/jpeg"] },
                "/users/456": { "allowed-content-types": [], "image": { "lqip": [] } }
            } }
            """);
        Assert.Equal([ImageFormat.Jpeg], resolver.Resolve("/users/123").AllowedContentTypes);
        Assert.Equal([LqipAlgorithm.Blurhash], resolver.Resolve("/users/123").Lqip);
        Assert.Empty(resolver.Resolve("/users/456").AllowedContentTypes);
        Assert.Empty(resolver.Resolve("/users/456").Lqip);
        Assert.Equal([ImageFormat.Png, ImageFormat.Gif], resolver.Resolve("/users/789").AllowedContentTypes);
    }

    [Fact]
    public void The_reference_shorthand_lqip_in_the_block_is_image_lqip_and_inherits_like_it()
    {
        var resolver = ConfigJson.Resolver("""
            { "paths": [
                { "path": "/**", "lqip": ["blurhash", "thumbhash"] },
                { "path": "/users", "lqip": [] },
                { "path": "/blog/**", "image": { "lqip": ["thumbhash"] } },
                { "path": "/blog/drafts", "lqip": ["blurhash"] }
            ] }
            """);
        Assert.Equal(new HashSet<LqipAlgorithm> { LqipAlgorithm.Blurhash, LqipAlgorithm.Thumbhash }, resolver.Resolve("/photos/1").Lqip);
        Assert.Empty(resolver.Resolve("/users").Lqip);
        Assert.Equal([LqipAlgorithm.Thumbhash], resolver.Resolve("/blog/post").Lqip);
        Assert.Equal([LqipAlgorithm.Blurhash], resolver.Resolve("/blog/drafts").Lqip);
    }

    [Fact]
    public void Both_lqip_spellings_in_one_block_with_different_values_stop_start_up()
    {
        var error = Assert.Throws<Konifer.Configuration.ConfigurationException>(() => ConfigJson.Resolver("""
            { "paths": { "/users": { "lqip": ["blurhash"], "image": { "lqip": ["thumbhash"] } } } }
            """));
        Assert.Equal("paths.\"/users\".lqip", error.Key);
    }

    [Fact]
    public void NullDoesNotEraseAnInheritedValue()
    {
        var resolver = ConfigJson.Resolver("""
            { "paths": { "/a/**": { "bucket": "aaa" }, "/a/b": { "bucket": null } } }
            """);
        Assert.Equal("aaa", resolver.Resolve("/a/b").Bucket);
    }

    [Fact]
    public void MoreSpecificPatternsWinWhenSeveralMatch()
    {
        var resolver = ConfigJson.Resolver("""
            { "paths": {
                "/users/**": { "bucket": "deep" },
                "/*/avatar": { "bucket": "any-avatar", "image": { "lqip": ["thumbhash"] } },
                "/users/avatar": { "bucket": "exact" },
                "/**/b/c": { "bucket": "suffix" },
                "/a/**": { "bucket": "prefix" }
            } }
            """);
        Assert.Equal("exact", resolver.Resolve("/users/avatar").Bucket);
        Assert.Equal("deep", resolver.Resolve("/users/x/avatar").Bucket); // /*/avatar does not apply there
        Assert.Equal("any-avatar", resolver.Resolve("/pets/avatar").Bucket);
        // More segments win, as in the reference: /**/b/c (3) beats /a/** (2).
        Assert.Equal("suffix", resolver.Resolve("/a/b/c").Bucket);
        Assert.Equal("prefix", resolver.Resolve("/a/b").Bucket);
        // Keys not set by the winner come from the other applicable patterns.
        Assert.Equal([LqipAlgorithm.Thumbhash], resolver.Resolve("/users/avatar").Lqip);
        // Same depth: literal beats * at the first segment, so /users/** outranks /*/avatar.
        Assert.Equal(
            ["/*/avatar", "/users/**", "/users/avatar"],
            resolver.ApplicablePatterns(AssetPath.Parse("/users/avatar")).Select(p => p.Value));

        var tie = ConfigJson.Resolver("""
            { "paths": { "/*/avatar": { "bucket": "any-avatar", "image": { "lqip": ["thumbhash"] } }, "/users/**": { "bucket": "deep" } } }
            """).Resolve("/users/avatar");
        Assert.Equal("deep", tie.Bucket);
        Assert.Equal([LqipAlgorithm.Thumbhash], tie.Lqip);
    }

    [Fact]
    public void BothSyntaxesGiveTheSameResult()
    {
        var byObject = ConfigJson.Resolver("""
            { "variant-profiles": { "thumb": { "w": 100 } },
              "paths": { "/**": { "bucket": "root" }, "/users/*/avatar": { "transform": { "eager-variants": ["thumb"] }, "object-store": { "bucket": "avatars" } } } }
            """);
        var byList = ConfigJson.Resolver("""
            { "variant-profiles": [ { "name": "thumb", "w": 100 } ],
              "paths": [ { "path": "/users/*/avatar", "transform": { "eager-variants": ["thumb"] }, "object-store": { "bucket": "avatars" } },
                         { "path": "/**", "bucket": "root" } ] }
            """);
        foreach (var path in new[] { "/users/1/avatar", "/users/1", "/x" })
        {
            var a = byObject.Resolve(path);
            var b = byList.Resolve(path);
            Assert.Equal(a.Bucket, b.Bucket);
            Assert.Equal(a.EagerVariants, b.EagerVariants);
        }
        Assert.Equal("avatars", byList.Resolve("/users/1/avatar").Bucket);
        Assert.Equal(["thumb"], byList.Resolve("/users/1/avatar").EagerVariants);
        Assert.Equal("root", byList.Resolve("/users/1").Bucket);
    }

    [Fact]
    public void PreprocessingShorthandMergesWithTheImageBlock()
    {
        var resolver = ConfigJson.Resolver("""
            { "paths": {
                "/**": { "transform": { "preprocessing": { "enabled": true, "image": { "max-width": 1000, "format": "webp" } } } },
                "/avatars/**": { "transform": { "preprocessing": { "max-width": 300, "max-height": 200 } } }
            } }
            """);
        var parameters = resolver.Resolve("/avatars/1").Preprocessing.Parameters;
        Assert.Equal("300", parameters["clamp-width"]);
        Assert.Equal("200", parameters["clamp-height"]);
        Assert.Equal("webp", parameters["format"]);
        Assert.Equal("1000", resolver.Resolve("/other").Preprocessing.Parameters["clamp-width"]);
    }

    [Fact]
    public void TheCacheReturnsTheSameInstance()
    {
        var resolver = ConfigJson.Resolver("""
            { "paths": { "/**": { "bucket": "root" }, "/users/**": { "bucket": "users" }, "/users/*/avatar": { "image": { "lqip": ["blurhash"] } } } }
            """);
        var first = resolver.Resolve("/users/1/avatar");
        Assert.Same(first, resolver.Resolve("/users/1/avatar"));
        Assert.Same(first, resolver.Resolve("/users/2/avatar")); // same applicable patterns
        Assert.NotSame(first, resolver.Resolve("/users/1"));
        Assert.Same(resolver.Resolve("/users/1"), resolver.Resolve("/users/9"));
        Assert.Same(PathConfiguration.Default, PathConfigurationResolver.Empty.Resolve("/a"));
    }

    [Fact]
    public async Task ResolveIsThreadSafe()
    {
        var resolver = ConfigJson.Resolver("""
            { "paths": { "/**": { "bucket": "root" }, "/t/*": { "bucket": "tee" }, "/t/*/x/**": { "bucket": "tee-x" } } }
            """);
        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() =>
            Enumerable.Range(0, 200).Select(j => resolver.Resolve($"/t/{(i + j) % 5}/x/{j}")).Distinct().ToArray())));
        var instances = results.SelectMany(r => r).Distinct().ToArray();
        Assert.Equal("tee-x", Assert.Single(instances).Bucket);
    }
}
