using Konifer.Inference;
using Konifer.Rules;
using Konifer.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Konifer.Tests.Inference;

[Collection(Siglip2Collection.Name)]
public sealed class InferenceServiceCollectionExtensionsTests(TinySiglip2 model)
{
    [Fact]
    public async Task The_towers_are_registered_as_the_rule_ports_and_disposed_with_the_container()
    {
        using var logs = new CapturingLogProvider();
        var services = new ServiceCollection()
            .AddLogging(l => l.AddProvider(logs))
            .AddSiglip2Inference(new InferenceSettings(model.Directory, Workers: 2, QueueSize: 8));
        Siglip2Runtime runtime;
        await using (var provider = services.BuildServiceProvider())
        {
            var text = provider.GetRequiredService<ITextEmbedder>();
            Assert.IsType<Siglip2TextEmbedder>(text);
            Assert.IsType<Siglip2ImageEmbedder>(provider.GetRequiredService<IImageEmbedder>());
            Assert.Equal(model.Directory, provider.GetRequiredService<Siglip2ModelFiles>().Directory);
            runtime = provider.GetRequiredService<Siglip2Runtime>();
            Assert.Equal(2, runtime.Pool.Workers);
            Assert.Single(await text.EmbedPromptsAsync(["this is a photo of a cat"], CancellationToken.None));
            Assert.Single(await text.EmbedPromptsAsync(["this is a photo of a dog"], CancellationToken.None));
        }

        // The text tower loaded once, the image tower never (it was not asked).
        var loaded = Assert.Single(logs.Entries, e => e.Message.StartsWith("Loaded the SigLIP2 model", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Information, loaded.Level);
        Assert.Contains($"{Path.Combine(model.Directory, "text_model.onnx")} in ", loaded.Message, StringComparison.Ordinal);
        Assert.EndsWith("(2 inference thread(s)).", loaded.Message, StringComparison.Ordinal);

        await Assert.ThrowsAsync<ObjectDisposedException>(() => runtime.Pool.RunAsync(_ => 1, CancellationToken.None));
    }
}
