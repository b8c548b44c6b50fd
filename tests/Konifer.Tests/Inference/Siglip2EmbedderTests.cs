using Konifer.Inference;
using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Inference;

[Collection(Siglip2Collection.Name)]
public sealed class Siglip2EmbedderTests(TinySiglip2 model) : IDisposable
{
    private const string Cat = "this is a photo of a cat";
    private const string Zebra = "zebra";
    private readonly string _images = Directory.CreateTempSubdirectory("konifer-embedder-").FullName;

    public void Dispose() => Directory.Delete(_images, recursive: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_image_embedding_is_the_towers_output_for_the_preprocessed_pixels_normalized(bool poolerOutput)
    {
        using var runtime = Runtime(poolerOutput ? model.NoMaskDirectory : model.Directory);
        var image = Path.Combine(_images, "solid.png");
        await File.WriteAllBytesAsync(image, TestImages.Solid(320, 240, 255, 0, 51));

        var embedding = await new Siglip2ImageEmbedder(runtime).EmbedImageAsync(image, CancellationToken.None);

        // The tiny tower answers [mean R, mean G, mean B, 2] of the tensor (its float mean of 50 176 values is off by ~1e-5).
        AssertClose(Normalize([1f, -1f, 51 / 127.5f - 1, 2f]), embedding, 1e-4f);
        Assert.Equal(1.0, Length(embedding), 5);
    }

    [Fact]
    public async Task A_prompt_embedding_sums_the_table_rows_of_its_unmasked_tokens_normalized()
    {
        using var runtime = Runtime(model.Directory);

        var embeddings = await new Siglip2TextEmbedder(runtime).EmbedPromptsAsync([Cat, Zebra], CancellationToken.None);

        Assert.Equal(2, embeddings.Count);
        AssertClose(Expected(Cat, masked: true), embeddings[0]);
        AssertClose(Expected(Zebra, masked: true), embeddings[1]);
        Assert.All(embeddings, e => Assert.Equal(1.0, Length(e), 5));
    }

    [Fact]
    public async Task A_model_without_attention_mask_gets_only_input_ids_and_may_answer_pooler_output()
    {
        using var runtime = Runtime(model.NoMaskDirectory);

        var embeddings = await new Siglip2TextEmbedder(runtime).EmbedPromptsAsync([Cat], CancellationToken.None);

        // Without a mask the padding counts too: a different, still known, vector.
        AssertClose(Expected(Cat, masked: false), Assert.Single(embeddings));
    }

    [Fact]
    public async Task More_prompts_than_a_batch_come_back_one_per_prompt_in_order()
    {
        using var runtime = Runtime(model.Directory);
        var prompts = Enumerable.Range(0, 2 * Siglip2TextEmbedder.BatchSize + 5).Select(i => i % 3 == 0 ? Zebra : Cat).ToArray();

        var embeddings = await new Siglip2TextEmbedder(runtime).EmbedPromptsAsync(prompts, CancellationToken.None);

        Assert.Equal(prompts.Length, embeddings.Count);
        for (var i = 0; i < prompts.Length; i++) AssertClose(Expected(prompts[i], masked: true), embeddings[i]);
    }

    [Fact]
    public async Task A_text_tower_answering_fewer_rows_than_prompts_is_an_error()
    {
        using var runtime = Runtime(model.BrokenDirectory);
        var embedder = new Siglip2TextEmbedder(runtime);

        Assert.Single(await embedder.EmbedPromptsAsync([Cat], CancellationToken.None));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => embedder.EmbedPromptsAsync([Cat, Zebra], CancellationToken.None));

        Assert.Equal("The text model answered 1 embedding(s) for 2 prompt(s).", error.Message);
    }

    [Fact]
    public async Task An_image_tower_without_a_known_output_is_an_error_naming_its_outputs()
    {
        using var runtime = Runtime(model.BrokenDirectory);
        var image = Path.Combine(_images, "solid.png");
        await File.WriteAllBytesAsync(image, TestImages.Solid(32, 32, 1, 2, 3));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new Siglip2ImageEmbedder(runtime).EmbedImageAsync(image, CancellationToken.None));

        Assert.Equal("The model vision_model.onnx has none of the outputs image_embeds, pooler_output (it has last_hidden_state).", error.Message);
    }

    [Fact]
    public async Task The_embedders_name_the_reference_model_for_the_prompt_cache()
    {
        using var runtime = Runtime(model.Directory);

        Assert.Equal("SIGLIP2_BASE_PATCH16_224_TEXT", new Siglip2ImageEmbedder(runtime).Model);
        Assert.Equal("SIGLIP2_BASE_PATCH16_224_TEXT", new Siglip2TextEmbedder(runtime).Model);
        Assert.Empty(await new Siglip2TextEmbedder(runtime).EmbedPromptsAsync([], CancellationToken.None));
    }

    private static Siglip2Runtime Runtime(string directory) => new(new InferenceSettings(directory));

    private float[] Expected(string prompt, bool masked)
    {
        long[] ids = [.. model.Prompts[prompt].Select(i => (long)i), model.Eos];
        var sum = new float[4];
        foreach (var id in ids) Add(sum, TinySiglip2.TableRow(id));
        if (!masked)
            for (var p = ids.Length; p < 64; p++) Add(sum, TinySiglip2.TableRow(model.Pad));
        return Normalize(sum);
    }

    private static void Add(float[] sum, float[] row)
    {
        for (var i = 0; i < sum.Length; i++) sum[i] += row[i];
    }

    private static float[] Normalize(float[] v) => v.Select(x => (float)(x / Length(v))).ToArray();

    private static double Length(float[] v) => Math.Sqrt(v.Sum(x => (double)x * x));

    private static void AssertClose(float[] expected, float[] actual, float tolerance = 1e-5f)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], tolerance);
    }
}
