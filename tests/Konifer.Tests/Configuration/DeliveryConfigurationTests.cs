using Konifer.Configuration;
using Konifer.Configuration.Reading;
using Konifer.Core.Assets;
using Konifer.Hocon;
using Konifer.Paths;

namespace Konifer.Tests.Configuration;

/// <summary><c>delivery</c> as konifer.conf writes it, its inheritance key by key, and the older <c>return-format.redirect</c>.</summary>
public sealed class DeliveryConfigurationTests
{
    private static KoniferConfiguration Read(string hocon) =>
        KoniferConfigurationReader.Read(HoconParser.Parse("data-store.provider = in-memory\nobject-store.provider = in-memory\n" + hocon));

    private static DeliverySettings At(KoniferConfiguration configuration, string path) =>
        configuration.Paths.Resolve(AssetPath.Parse(path)).Delivery;

    [Fact]
    public void Each_key_is_inherited_on_its_own()
    {
        var configuration = Read("""
            paths {
              "/**" { delivery { template.string = "https://cdn.example.com/{key}", presigned.ttl = 2h } }
              "/cdn/**" { delivery.strategy = template }
              "/s3/**" { delivery { strategy = presigned, presigned.ttl = 5m } }
            }
            """);

        Assert.Equal(DeliverySettings.Default with { TemplateString = "https://cdn.example.com/{key}", PresignedTtl = TimeSpan.FromHours(2) },
            At(configuration, "/other"));
        Assert.Equal(new DeliverySettings(DeliveryStrategy.Template, "https://cdn.example.com/{key}", TimeSpan.FromHours(2)), At(configuration, "/cdn/a"));
        Assert.Equal(new DeliverySettings(DeliveryStrategy.Presigned, "https://cdn.example.com/{key}", TimeSpan.FromMinutes(5)), At(configuration, "/s3/a"));
        Assert.Empty(configuration.Warnings);
    }

    [Theory]
    [InlineData("none", DeliveryStrategy.Service)]
    [InlineData("presigned", DeliveryStrategy.Presigned)]
    [InlineData("TEMPLATE", DeliveryStrategy.Template)]
    public void The_older_return_format_redirect_is_read_as_delivery_with_a_warning(string strategy, DeliveryStrategy expected)
    {
        var configuration = Read($$"""
            paths { "/old/**" { return-format.redirect { strategy = {{strategy}}, template.string = "https://old.example/{bucket}/{key}", presigned.ttl = 1h } } }
            """);

        Assert.Equal(new DeliverySettings(expected, "https://old.example/{bucket}/{key}", TimeSpan.FromHours(1)), At(configuration, "/old/a"));
        var warning = Assert.Single(configuration.Warnings);
        Assert.StartsWith("paths.\"/old/**\".return-format.redirect: is deprecated: write delivery", warning);
    }

    [Fact]
    public void Delivery_wins_over_the_older_keys_in_the_same_block_and_the_older_ones_are_reported_as_ignored()
    {
        var configuration = Read("""
            paths { "/**" {
              delivery.strategy = service
              return-format.redirect { strategy = template, template.string = "https://old.example/{key}" }
            } }
            """);

        Assert.Equal(DeliverySettings.Default, At(configuration, "/a"));
        Assert.Equal("paths.\"/**\".return-format.redirect: is ignored: delivery is set in the same block", Assert.Single(configuration.Warnings));
    }

    [Fact]
    public void The_older_keys_of_one_block_combine_with_delivery_inherited_from_another()
    {
        var configuration = Read("""
            paths {
              "/**" { delivery.template.string = "https://root.example/{key}" }
              "/legacy/**" { return-format.redirect.strategy = template }
            }
            """);

        Assert.Equal(new DeliverySettings(DeliveryStrategy.Template, "https://root.example/{key}", DeliverySettings.DefaultPresignedTtl),
            At(configuration, "/legacy/a"));
        Assert.Single(configuration.Warnings);
    }
}
