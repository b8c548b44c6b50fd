using Konifer.Configuration;
using Konifer.Paths;
using Konifer.Rules;
using Konifer.Storage.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Konifer.Tests.Rules;

public sealed class RulesServiceCollectionExtensionsTests
{
    private static readonly string Cat = RulePrompt.Normalize("cat"), Dog = RulePrompt.Normalize("dog");

    [Fact]
    public async Task The_warm_up_embeds_the_configured_prompts_at_start_and_uploads_reuse_them()
    {
        var text = new FixedTextEmbedder(new Dictionary<string, float[]> { [Cat] = [1f, 0f], [Dog] = [0f, 1f] });
        var settings = new RulesSettings { Definitions = new RuleDefinitions([RuleDefinition.Create("cat", ["cat"], 0.5), RuleDefinition.Create("dog", ["dog"], 0.5)]) };
        var services = new ServiceCollection().AddLogging().AddMetadataStore<InMemoryAssetRepository>()
            .AddSingleton<ITextEmbedder>(text).AddSingleton<IImageEmbedder>(new FixedImageEmbedder([1f, 0f]))
            .AddUploadRules(settings.Definitions);
        await using var provider = services.BuildServiceProvider();

        foreach (var hosted in provider.GetServices<IHostedService>()) await hosted.StartAsync(CancellationToken.None);
        var ruleset = new UploadRuleset(UploadDecision.Accept, [], [UploadRule.Create("dog", "No dogs", new Dictionary<string, string>())], []);
        var labels = (await provider.GetRequiredService<UploadScreening>().ScreenAsync(ruleset, "img", new Dictionary<string, string>(), CancellationToken.None)).Labels;
        foreach (var hosted in provider.GetServices<IHostedService>()) await hosted.StopAsync(CancellationToken.None);

        Assert.Empty(labels);
        Assert.Equal(1, text.Calls);
        Assert.Equal([Cat, Dog], text.Embedded);
    }

    [Fact]
    public void Without_definitions_nothing_warms_up()
    {
        var services = new ServiceCollection().AddUploadRules(RuleDefinitions.None);

        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IHostedService));
        Assert.Contains(services, d => d.ServiceType == typeof(EvaluateRules));
    }
}
