using Konifer.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Konifer.Tests.Inference;

/// <summary>A server whose rules use the model loads the image tower as it starts, before any upload needs it.</summary>
[Collection(Siglip2Collection.Name)]
public sealed class VisionModelWarmUpTests(TinySiglip2 model)
{
    [Fact]
    public async Task The_image_tower_is_loaded_after_start_up_without_any_request()
    {
        using var logs = new CapturingLogProvider();
        await using var server = await KoniferTestServer.StartAsync(KoniferTestServer.InMemoryConfig + "\n" + UploadRulesWalk.Config(model.Directory),
            services: s => s.AddLogging(l => l.AddProvider(logs)));

        var vision = Path.Combine(model.Directory, "vision_model.onnx");
        await Eventually.UntilAsync(() => Task.FromResult(logs.Entries.Any(e => e.Message.StartsWith($"Loaded the SigLIP2 model {vision} in ", StringComparison.Ordinal))),
            loaded => loaded, TimeSpan.FromSeconds(30), "loading the image tower");
        // Loaded once: a later need of the tower uses the same session.
        await UploadRulesWalk.AcceptRulesAsync(server.Client);
        Assert.Single(logs.Entries, e => e.Message.StartsWith($"Loaded the SigLIP2 model {vision} ", StringComparison.Ordinal));
    }
}
