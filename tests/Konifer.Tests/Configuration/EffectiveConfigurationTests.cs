using Konifer.Configuration;

namespace Konifer.Tests.Configuration;

/// <summary>What <c>--check-config</c> prints is konifer.conf itself: every line can be copied into the file.</summary>
public sealed class EffectiveConfigurationTests
{
    private const string Config = """
        object-store { provider = s3, s3 { endpoint-url = "http://minio:9000", region = eu-west-1, access-key = k, secret-key = hunter2 } }
        data-store.postgresql { host = db, startup-timeout = 45s }
        url-signing { enabled = true, secret-key = s3cret, negotiation = [webp, jpg] }
        metrics { prometheus.enabled = true, otlp.endpoint = "http://collector:4317" }
        variant-generation.max-output-pixels.streaming = 5MP
        variant-profiles { thumb { w = 100, format = webp } }
        api.rule-evaluation.enabled = true
        rules { model-dir = /models/siglip2, inference.workers = 2 }
        rule-definitions { "blood-and-gore" { prompts = ["Graphic visible blood", "open wound, with blood"], threshold = 0.72 } }
        paths {
          "/users/**" {
            allowed-content-types = [image/png, image/jpeg]
            image.lqip = [blurhash]
            object-store.bucket = users
            transform {
              eager-variants = [thumb]
              on-demand-variant.mode = profile_only
              preprocessing { enabled = true, w = 2000, format = webp }
              retention { expire { strategy = ttl, ttl = 7d }, cache.max-variants = 20 }
              limits.max-pixels = 10MP
            }
            delivery { strategy = template, template.string = "https://cdn.example.com/{bucket}/{key}" }
            cache-control { enabled = true, max-age = 1h, s-maxage = 2h, visibility = public }
          }
        }
        """;

    private static KoniferConfiguration Read(string text) => HoconConfiguration.Read(text);

    [Fact]
    public void Every_line_is_a_key_of_konifer_conf_and_reads_back_to_the_same_configuration()
    {
        var printed = EffectiveConfiguration.Lines(Read(Config));
        // "(not set)" says that a key is absent; everything else is a HOCON assignment.
        var settable = printed.Where(l => !l.EndsWith("= (not set)", StringComparison.Ordinal)).ToList();

        var reprinted = EffectiveConfiguration.Lines(Read(string.Join('\n', settable)));

        Assert.Equal(printed, reprinted);
        Assert.Contains("object-store.provider = s3", printed);
        Assert.Contains("object-store.s3.secret-key = \"***\"", printed);
        Assert.Contains("data-store.postgresql.startup-timeout = 45s", printed);
        Assert.Contains("url-signing.algorithm = hmac_sha256", printed);
        Assert.Contains("url-signing.negotiation = [webp, jpg]", printed);
        Assert.Contains("metrics.otlp.endpoint = \"http://collector:4317/\"", printed);
        Assert.Contains("variant-generation.max-output-pixels.streaming = 5000000", printed);
        Assert.Contains("api.rule-evaluation.enabled = true", printed);
        Assert.Contains("rules.model-dir = /models/siglip2", printed);
        Assert.Contains("rules.inference.workers = 2", printed);
        Assert.Contains("rules.inference.queue-size = 64", printed);
        Assert.Contains("rule-definitions.blood-and-gore = { prompts = [\"graphic visible blood\", \"open wound, with blood\"], threshold = 0.72 }", printed);
        Assert.Contains("paths.\"/users/**\".allowed-content-types = [image/png, image/jpeg]", printed);
        Assert.Contains("paths.\"/users/**\".transform.on-demand-variant.mode = profile_only", printed);
        Assert.Contains("paths.\"/users/**\".transform.preprocessing.w = 2000", printed);
        Assert.Contains("paths.\"/users/**\".transform.retention.expire.ttl = 7d", printed);
        Assert.Contains("paths.\"/users/**\".delivery.template.string = \"https://cdn.example.com/{bucket}/{key}\"", printed);
        Assert.Contains("paths.\"/users/**\".cache-control.s-maxage = 2h", printed);
        Assert.DoesNotContain(printed, l => l.Contains("hunter2", StringComparison.Ordinal) || l.Contains("s3cret", StringComparison.Ordinal));
    }
}
