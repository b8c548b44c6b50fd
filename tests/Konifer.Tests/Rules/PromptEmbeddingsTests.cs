using Konifer.Rules;

namespace Konifer.Tests.Rules;

public sealed class PromptEmbeddingsTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly string Cat = RulePrompt.Normalize("cat"), Dog = RulePrompt.Normalize("dog"), Blood = RulePrompt.Normalize("blood");

    [Fact]
    public async Task Only_prompts_missing_from_the_store_are_embedded()
    {
        using var rules = new RulesHarness();
        await rules.Store.SaveAsync(rules.Text.Model, new Dictionary<string, float[]> { [Cat] = [0f, 0f, 0f, 1f] }, None);

        var embeddings = await rules.Prompts.GetAsync([Cat, Dog], None);

        Assert.Equal([Dog], rules.Text.Embedded);
        Assert.Equal([0f, 0f, 0f, 1f], embeddings[Cat]); // the stored one wins over what the tower would say
        Assert.Equal([0f, 1f, 0f, 0f], embeddings[Dog]);
    }

    [Fact]
    public async Task Concurrent_requests_for_a_new_prompt_embed_it_once()
    {
        using var rules = new RulesHarness();
        rules.Text.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var requests = Enumerable.Range(0, 5).Select(_ => Task.Run(() => rules.Prompts.GetAsync([Cat], None))).ToArray();
        await Task.Delay(100);
        rules.Text.Gate.SetResult();
        var results = await Task.WhenAll(requests);

        Assert.Equal(1, rules.Text.Calls);
        Assert.All(results, r => Assert.Equal([1f, 0f, 0f, 0f], r[Cat]));
    }

    [Fact]
    public async Task Missing_prompts_are_embedded_in_batches_of_32()
    {
        var prompts = Enumerable.Range(0, 70).Select(i => RulePrompt.Normalize($"p{i}")).ToArray();
        var text = new FixedTextEmbedder(prompts.ToDictionary(p => p, _ => new[] { 1f }));
        using var embeddings = new PromptEmbeddings(text, new Konifer.Storage.Metadata.InMemoryPromptEmbeddingStore(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<PromptEmbeddings>.Instance);

        var found = await embeddings.GetAsync(prompts, None);

        Assert.Equal(70, found.Count);
        Assert.Equal(3, text.Calls);
    }

    [Fact]
    public async Task The_warm_up_embeds_the_configured_prompts_and_requests_wait_for_it()
    {
        using var rules = new RulesHarness();
        rules.Text.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var warmUp = rules.Prompts.StartWarmUp([Cat, Dog, Blood], None);
        var request = rules.Prompts.GetAsync([Dog], None);
        await Task.Delay(100);
        Assert.False(request.IsCompleted);
        rules.Text.Gate.SetResult();
        await warmUp;
        var found = await request;

        Assert.Equal([0f, 1f, 0f, 0f], found[Dog]);
        Assert.Equal(1, rules.Text.Calls);
        Assert.Equal(3, (await rules.Store.FindAsync(rules.Text.Model, [Cat, Dog, Blood], None)).Count);
    }

    [Fact]
    public async Task A_warm_up_with_everything_stored_does_not_run_the_text_tower()
    {
        using var rules = new RulesHarness();
        await rules.Store.SaveAsync(rules.Text.Model, new Dictionary<string, float[]> { [Cat] = [1f, 0f, 0f, 0f] }, None);

        await rules.Prompts.StartWarmUp([Cat], None);

        Assert.Equal(0, rules.Text.Calls);
    }

    [Fact]
    public async Task A_failed_warm_up_leaves_requests_to_embed_their_prompts()
    {
        using var rules = new RulesHarness();

        await rules.Prompts.StartWarmUp([RulePrompt.Normalize("unknown to the tower")], None);
        var found = await rules.Prompts.GetAsync([Cat], None);

        Assert.Equal([1f, 0f, 0f, 0f], found[Cat]);
    }
}
