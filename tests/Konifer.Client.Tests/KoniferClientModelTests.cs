using Konifer.Tests.Inference;
using Konifer.Tests.TestSupport;

namespace Konifer.Client.Tests;

/// <summary>
/// Search and rule evaluations through the client, on the tiny SigLIP2 stand-in of the server's tests: its image
/// embedding follows the mean colour, so a white picture scores about 1 against any prompt and a black one about 0.
/// </summary>
public sealed class KoniferClientModelTests(TinySiglip2 model) : IClassFixture<TinySiglip2>
{
    private static readonly RuleDefinition Bright = new("bright", ["a bright white picture"], 0.5);

    [Fact]
    public async Task Search_finds_by_text_and_by_likeness_and_rules_are_evaluated_without_storing()
    {
        await using var server = await KoniferTestServer.StartAsync(KoniferTestServer.InMemoryConfig + $$"""

            rules.model-dir = "{{model.Directory}}"
            api.rule-evaluation.enabled = true
            paths { "/photos/**" { search.enabled = true } }
            """);
        var client = new KoniferClient(server.Client);
        var white = await client.StoreAsync("photos/white", new MemoryStream(TestImages.Solid(16, 16, 255, 255, 255)), new AssetMetadata { Alt = "white" });
        await client.StoreAsync("photos/black", new MemoryStream(TestImages.Solid(16, 16, 0, 0, 0)), new AssetMetadata { Alt = "black" });

        var found = await client.SearchAsync("photos", "a bright white picture", limit: 2);
        Assert.Equal(["photos/white", "photos/black"], found.Select(r => r.Path.TrimStart('/')));
        Assert.Equal("white", found[0].Entry.Alt);
        Assert.True(found[0].Score > found[1].Score);

        // Ranked by likeness to an entry of the path itself, which is left out.
        await client.StoreAsync("photos/white/copy", new MemoryStream(TestImages.Solid(16, 16, 250, 250, 250)), new AssetMetadata { Alt = "copy" });
        var similar = await client.FindSimilarAsync("photos/white", white.EntryId);
        Assert.Equal(["copy"], similar.Select(r => r.Entry.Alt));

        var evaluated = await client.EvaluateRulesAsync(new MemoryStream(TestImages.Solid(16, 16, 255, 255, 255)), [Bright]);
        var result = Assert.Single(evaluated);
        Assert.Equal(("bright", true), (result.Name, result.Matched));
        Assert.Equal("a bright white picture", Assert.Single(result.PromptScores).Prompt);
        Assert.False((await client.EvaluateRulesAsync(new MemoryStream(TestImages.Solid(16, 16, 0, 0, 0)), [Bright]))[0].Matched);
        Assert.Null(await client.GetInfoAsync("rule-evaluations"));
    }
}
