namespace Konifer.Hocon.Tests;

/// <summary>A realistic Konifer configuration used by the parser and provider tests.</summary>
internal static class KoniferConfigSample
{
    public const string Text = """
        data-store { provider = in-memory }
        object-store { provider = filesystem, filesystem.mount-path = /var/konifer }
        http.public-url = "https://img.example.com"
        source.multipart.max-bytes = 1048576
        paths {
          "/**" { image.lqip = [blurhash] }
          "/users/*/avatar" {
            allowed-content-types = ["image/png", "image/jpeg"]
            transform { expire { strategy = ttl, ttl = 7d } }
          }
        }
        variant-profiles = [ { name = thumb, w = 100, h = 100, fit = fill } ]
        url-signing { enabled = false, secret-key = ${?URL_SIGNING_SECRET_KEY} }
        """;
}
