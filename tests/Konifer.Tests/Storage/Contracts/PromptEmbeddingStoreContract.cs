using Konifer.Rules;

namespace Konifer.Tests.Storage.Contracts;

/// <summary><see cref="IPromptEmbeddingStore"/>: what one store keeps and gives back, whatever it is built on.</summary>
public abstract class PromptEmbeddingStoreContract
{
    private static readonly CancellationToken None = CancellationToken.None;

    protected abstract IPromptEmbeddingStore CreateStore();

    /// <summary>A model name of its own per test, so tests sharing a database do not see each other's rows.</summary>
    private readonly string model = "TEST_MODEL_" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Saved_embeddings_are_found_with_their_exact_values()
    {
        var store = CreateStore();
        float[] cat = [0.6f, -0.8f, 1e-7f], dog = [1f, 0f, -0.25f];
        await store.SaveAsync(model, new Dictionary<string, float[]> { ["this is a photo of a cat"] = cat, ["this is a photo of a dog"] = dog }, None);

        var found = await store.FindAsync(model, ["this is a photo of a cat", "this is a photo of a dog"], None);

        Assert.Equal(2, found.Count);
        Assert.Equal(cat, found["this is a photo of a cat"]);
        Assert.Equal(dog, found["this is a photo of a dog"]);
    }

    [Fact]
    public async Task Only_the_prompts_asked_for_and_stored_are_found()
    {
        var store = CreateStore();
        await store.SaveAsync(model, new Dictionary<string, float[]> { ["a"] = [1f], ["b"] = [2f] }, None);

        var found = await store.FindAsync(model, ["a", "missing"], None);

        Assert.Equal(["a"], found.Keys);
        Assert.Empty(await store.FindAsync(model, [], None));
    }

    [Fact]
    public async Task Embeddings_are_kept_per_model()
    {
        var store = CreateStore();
        await store.SaveAsync(model, new Dictionary<string, float[]> { ["a"] = [1f] }, None);

        Assert.Empty(await store.FindAsync(model + "_OTHER", ["a"], None));
    }

    [Fact]
    public async Task A_prompt_saved_twice_keeps_its_first_embedding()
    {
        var store = CreateStore();
        await store.SaveAsync(model, new Dictionary<string, float[]> { ["a"] = [1f, 0f] }, None);

        await store.SaveAsync(model, new Dictionary<string, float[]> { ["a"] = [0f, 1f], ["b"] = [0.5f, 0.5f] }, None);

        var found = await store.FindAsync(model, ["a", "b"], None);
        Assert.Equal([1f, 0f], found["a"]);
        Assert.Equal([0.5f, 0.5f], found["b"]);
    }

    [Fact]
    public async Task Prompts_compare_exactly()
    {
        var store = CreateStore();
        await store.SaveAsync(model, new Dictionary<string, float[]> { ["this is a photo of a cat"] = [1f] }, None);

        Assert.Empty(await store.FindAsync(model, ["This is a photo of a cat", "this is a photo of a cat "], None));
    }
}
