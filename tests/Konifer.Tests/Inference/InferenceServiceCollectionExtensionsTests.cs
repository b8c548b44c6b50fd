using Konifer.Inference;
using Konifer.Rules;
using Microsoft.Extensions.DependencyInjection;

namespace Konifer.Tests.Inference;

[Collection(Siglip2Collection.Name)]
public sealed class InferenceServiceCollectionExtensionsTests(TinySiglip2 model)
{
    [Fact]
    public async Task The_towers_are_registered_as_the_rule_ports_and_disposed_with_the_container()
    {
        var services = new ServiceCollection().AddSiglip2Inference(new InferenceSettings(model.Directory, Workers: 2, QueueSize: 8));
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
        }

        await Assert.ThrowsAsync<ObjectDisposedException>(() => runtime.Pool.RunAsync(_ => 1, CancellationToken.None));
    }
}
