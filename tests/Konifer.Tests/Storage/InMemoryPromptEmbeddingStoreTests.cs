using Konifer.Rules;
using Konifer.Storage.Metadata;
using Konifer.Tests.Storage.Contracts;

namespace Konifer.Tests.Storage;

public sealed class InMemoryPromptEmbeddingStoreTests : PromptEmbeddingStoreContract
{
    protected override IPromptEmbeddingStore CreateStore() => new InMemoryPromptEmbeddingStore();

    [Fact]
    public async Task A_caller_changing_its_vectors_does_not_change_the_stored_ones()
    {
        var store = new InMemoryPromptEmbeddingStore();
        float[] vector = [1f, 2f];
        await store.SaveAsync("M", new Dictionary<string, float[]> { ["a"] = vector }, CancellationToken.None);
        vector[0] = 9f;
        (await store.FindAsync("M", ["a"], CancellationToken.None))["a"][1] = 9f;

        var found = await store.FindAsync("M", ["a"], CancellationToken.None);
        Assert.Equal(new[] { 1f, 2f }, found["a"]);
    }
}
