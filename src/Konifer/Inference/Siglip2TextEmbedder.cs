using Konifer.Rules;
using Microsoft.ML.OnnxRuntime;

namespace Konifer.Inference;

/// <summary>
/// The SigLIP2 text tower: prompts in batches of <see cref="BatchSize"/>, each batch one call on the inference pool.
/// The tokenizer and the session load on first use, so cached prompts never load them.
/// </summary>
public sealed class Siglip2TextEmbedder(Siglip2Runtime runtime) : ITextEmbedder
{
    public const int BatchSize = 32;

    private readonly Lock _gate = new();
    private Siglip2Tokenizer? _tokenizer;

    public string Model => Siglip2ModelFiles.ModelName;

    public async Task<IReadOnlyList<float[]>> EmbedPromptsAsync(IReadOnlyList<string> prompts, CancellationToken cancellationToken)
    {
        var embeddings = new List<float[]>(prompts.Count);
        foreach (var batch in prompts.Chunk(BatchSize))
            embeddings.AddRange(await runtime.Pool.RunAsync(ct => Embed(batch, ct), cancellationToken).ConfigureAwait(false));
        return embeddings;
    }

    private float[][] Embed(string[] prompts, CancellationToken cancellationToken)
    {
        var tower = runtime.Text;
        var tokenizer = Tokenizer();
        var output = tower.OutputNamed("text_embeds", "pooler_output");
        var length = Siglip2Tokenizer.SequenceLength;
        var ids = new long[prompts.Length * length];
        for (var p = 0; p < prompts.Length; p++) tokenizer.Encode(prompts[p]).CopyTo(ids, p * length);
        long[] shape = [prompts.Length, length];
        using var inputIds = OrtValue.CreateTensorValueFromMemory(ids, shape);
        var inputs = new List<(string, OrtValue)> { ("input_ids", inputIds) };
        using var attentionMask = tower.HasInput("attention_mask")
            ? OrtValue.CreateTensorValueFromMemory(ids.Select(id => id == tokenizer.PadId ? 0L : 1L).ToArray(), shape)
            : null;
        if (attentionMask is not null) inputs.Add(("attention_mask", attentionMask));
        var rows = tower.Run(inputs, output, cancellationToken);
        if (rows.Length != prompts.Length)
            throw new InvalidOperationException($"The text model answered {rows.Length} embedding(s) for {prompts.Length} prompt(s).");
        return rows.Select(Embeddings.Normalized).ToArray();
    }

    private Siglip2Tokenizer Tokenizer()
    {
        lock (_gate)
        {
            if (_tokenizer is not null) return _tokenizer;
            runtime.Files.CheckFiles(runtime.Files.TextModel, runtime.Files.Tokenizer);
            return _tokenizer = Siglip2Tokenizer.FromFile(runtime.Files.Tokenizer);
        }
    }
}
