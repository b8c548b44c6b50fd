using System.Net;
using System.Text.Json;

namespace Konifer.Tests.TestSupport;

/// <summary>
/// Upload rules seen from a client, on the tiny SigLIP2 model (tests/Konifer.Tests/Inference/TinySiglip2.cs): its image
/// embedding follows the mean colour, so a white picture scores about 1.0 against any prompt and a black one about 0.
/// "bright" (threshold 0.5) therefore matches white only, "anything" (0.0) every image, "never" (1.0) none.
/// </summary>
public static class UploadRulesWalk
{
    public const string RejectedMessage = "Asset rejected by upload rules";

    public static string Config(string modelDirectory) => $$"""
        source.url.allowed-domains = ["127.0.0.1"]
        rules.model-dir = "{{modelDirectory}}"
        rule-definitions {
          bright { prompts = ["a bright white picture", "snow"], threshold = 0.5 }
          anything { prompts = ["anything"], threshold = 0.0 }
          never { prompts = ["a bright white picture"], threshold = 1.0 }
          glare { prompts = ["glare"], threshold = 0.5 }
        }
        paths {
          "/screened/**" {
            upload-ruleset {
              reject-rules = [ { rule = bright, violation-response = "No bright pictures here" }, { rule = never, violation-response = "Never" } ]
              modify-rules = [ { rule = anything, labels { screened = "yes" } }, { rule = never, labels { impossible = "yes" } } ]
            }
          }
          # Inherits the modify rules; with default = reject only the accept rules decide (the reject rules are not evaluated).
          "/screened/strict/**" { upload-ruleset { default = reject, accept-rules = [ { rule = bright } ] } }
          "/twice/**" { upload-ruleset.reject-rules = [ { rule = bright, violation-response = "Too bright" }, { rule = never }, { rule = glare, violation-response = "Glare" } ] }
          "/plain/**" { upload-ruleset.reject-rules = [ { rule = bright } ] }
          "/closed/**" { upload-ruleset.default = reject }
          "/labelled/**" { upload-ruleset.modify-rules = [ { rule = bright, labels { tone = light, source = rules } }, { rule = anything, labels { tone = any } } ] }
          "/shrunk/**" {
            transform.preprocessing { enabled = true, w = 8 }
            upload-ruleset.reject-rules = [ { rule = bright } ]
          }
        }
        """;

    public static byte[] White => TestImages.Solid(64, 48, 255, 255, 255);
    public static byte[] Black => TestImages.Solid(64, 48, 0, 0, 0);

    /// <summary>default accept: a matched reject rule refuses with its violation response; modify rules label the rest.</summary>
    public static async Task RejectRulesAsync(HttpClient client)
    {
        await RefusedAsync(client, "/screened/a", White, "No bright pictures here");

        var stored = await client.StoreAsync("/screened/a", Black, new { labels = new { screened = "no", camera = "x100" } });
        Assert.Equal(0, stored.GetProperty("entryId").GetInt64()); // the refused upload took no entry
        Assert.Equal(new Dictionary<string, string> { ["screened"] = "yes", ["camera"] = "x100" }, Labels(stored));
        Assert.Equal(Labels(stored), Labels(await client.GetJsonAsync("/assets/screened/a/-/info")));

        // Several matched reject rules: their responses in configuration order; one without a response adds nothing.
        await RefusedAsync(client, "/twice/a", White, "Too bright; Glare");
        await RefusedAsync(client, "/plain/a", White, RejectedMessage);
        await client.StoreAsync("/plain/a", Black);
    }

    /// <summary>default reject: only a matched accept rule lets an upload in; without accept rules nothing gets in.</summary>
    public static async Task AcceptRulesAsync(HttpClient client)
    {
        await RefusedAsync(client, "/screened/strict/a", Black, RejectedMessage);
        var stored = await client.StoreAsync("/screened/strict/a", White);
        Assert.Equal("yes", Labels(stored)["screened"]); // the parent's modify rules
        Assert.False(Labels(stored).ContainsKey("impossible"));

        await RefusedAsync(client, "/closed/a", White, RejectedMessage);
        await RefusedAsync(client, "/closed/a", Black, RejectedMessage);
    }

    /// <summary>Modify rules never refuse; later rules win on the same key; rule labels win over the request's; at most 50.</summary>
    public static async Task ModifyRulesAsync(HttpClient client)
    {
        var white = await client.StoreAsync("/labelled/a", White, new { labels = new { source = "camera" } });
        Assert.Equal(new Dictionary<string, string> { ["tone"] = "any", ["source"] = "rules" }, Labels(white));
        var black = await client.StoreAsync("/labelled/b", Black, new { labels = new { source = "camera" } });
        Assert.Equal(new Dictionary<string, string> { ["tone"] = "any", ["source"] = "camera" }, Labels(black));

        var fifty = Enumerable.Range(0, 49).ToDictionary(i => "k" + i, _ => "v");
        await client.StoreAsync("/labelled/c", Black, new { labels = fifty }); // 49 + tone
        fifty["k49"] = "v";
        await RefusedAsync(client, "/labelled/d", Black, "Cannot have more than 50 labels", new { labels = fifty });
    }

    /// <summary>A URL source is screened like a multipart upload, and a preprocessed path screens what was supplied.</summary>
    public static async Task UrlSourcesAndPreprocessingAsync(HttpClient client)
    {
        await using (var origin = await OriginServer.StartAsync(White))
        {
            using var response = await client.PostAsync("/assets/screened/remote", AssetRequests.Json(new { source = new { http = new { url = origin.Url("/image.png") } } }));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("No bright pictures here", await response.ProblemMessageAsync());
            await AssertNoEntryAsync(client, "/screened/remote");
        }
        await using (var origin = await OriginServer.StartAsync(Black))
        {
            using var response = await client.PostAsync("/assets/screened/remote", AssetRequests.Json(new { url = origin.Url("/image.png") }));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        await RefusedAsync(client, "/shrunk/a", White, RejectedMessage);
        var shrunk = await client.StoreAsync("/shrunk/a", Black);
        Assert.Equal(8, shrunk.GetProperty("variants")[0].GetProperty("attributes").GetProperty("width").GetInt32());
    }

    public static async Task RefusedAsync(HttpClient client, string path, byte[] image, string message, object? metadata = null)
    {
        using var response = await client.PostAsync("/assets" + path, AssetRequests.Multipart(image, metadata));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, await response.ProblemMessageAsync());
    }

    private static async Task AssertNoEntryAsync(HttpClient client, string path)
    {
        using var info = await client.GetAsync("/assets" + path + "/-/info");
        Assert.Equal(HttpStatusCode.NotFound, info.StatusCode);
    }

    private static Dictionary<string, string> Labels(JsonElement asset) =>
        asset.GetProperty("labels").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
}
