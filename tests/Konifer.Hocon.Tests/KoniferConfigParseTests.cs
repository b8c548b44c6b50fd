namespace Konifer.Hocon.Tests;

public class KoniferConfigParseTests
{
    [Fact]
    public void Realistic_config_parses_to_the_expected_tree()
    {
        const string expected = """
            {
              "data-store": { "provider": "in-memory" },
              "object-store": { "provider": "filesystem", "filesystem": { "mount-path": "/var/konifer" } },
              "http": { "public-url": "https://img.example.com" },
              "source": { "multipart": { "max-bytes": 1048576 } },
              "paths": {
                "/**": { "image": { "lqip": ["blurhash"] } },
                "/users/*/avatar": {
                  "allowed-content-types": ["image/png", "image/jpeg"],
                  "transform": { "expire": { "strategy": "ttl", "ttl": "7d" } }
                }
              },
              "variant-profiles": [ { "name": "thumb", "w": 100, "h": 100, "fit": "fill" } ],
              "url-signing": { "enabled": false }
            }
            """;
        Hocon.AssertParsesTo(expected, KoniferConfigSample.Text);
    }

    [Fact]
    public void Secret_key_comes_from_the_environment_when_set()
    {
        var doc = Hocon.Parse(KoniferConfigSample.Text, new Dictionary<string, string> { ["URL_SIGNING_SECRET_KEY"] = "k3y" });
        Assert.Equal("k3y", doc["url-signing"]!["secret-key"]!.GetValue<string>());
    }

    [Fact]
    public void Top_level_key_order_follows_the_file()
    {
        var doc = Hocon.Parse(KoniferConfigSample.Text);
        Assert.Equal(["data-store", "object-store", "http", "source", "paths", "variant-profiles", "url-signing"], doc.Select(p => p.Key));
        Assert.Equal(["/**", "/users/*/avatar"], doc["paths"]!.AsObject().Select(p => p.Key));
    }
}
