using System.Text.Json;
using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Inference;

/// <summary>
/// The tiny SigLIP2 stand-in of scripts/make-test-siglip2, written once for the inference tests into a temporary
/// directory: towers with the real names, shapes and types and a function computed by hand here (D = 4), plus a
/// SentencePiece tokenizer and the ids SentencePiece itself gives a few prompts.
/// </summary>
public sealed class TinySiglip2 : IAsyncLifetime
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "konifer-siglip2-" + Guid.NewGuid().ToString("N"));

    /// <summary>Towers without <c>attention_mask</c> that answer <c>pooler_output</c>.</summary>
    public string NoMaskDirectory => Path.Combine(Directory, "no-mask");

    /// <summary>Towers to refuse: one text row for any batch, no known image output.</summary>
    public string BrokenDirectory => Path.Combine(Directory, "broken");

    public int Pad { get; private set; }
    public int Eos { get; private set; }
    public int Bos { get; private set; }

    /// <summary>SentencePiece's own ids (no special tokens) of the prompts the script encodes.</summary>
    public IReadOnlyDictionary<string, int[]> Prompts { get; private set; } = new Dictionary<string, int[]>();

    /// <summary>The text tower's embedding table: row <c>i</c> is [1, i, i² mod 7, i mod 2].</summary>
    public static float[] TableRow(long id) => [1, id, id * id % 7, id % 2];

    public async Task InitializeAsync()
    {
        var script = Path.Combine(RepositoryScripts.Root, "scripts", "make-test-siglip2");
        var (exit, output, errors) = await RepositoryScripts.RunProgramAsync(script, [Directory], TimeSpan.FromMinutes(2));
        if (exit != 0)
            throw new InvalidOperationException(
                $"scripts/make-test-siglip2 exited with {exit}: run scripts/install-deps --tests (python3-onnx, python3-numpy, python3-sentencepiece).\n{errors}\n{output}");
        using var expected = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Directory, "expected.json")));
        var root = expected.RootElement;
        Pad = root.GetProperty("pad").GetInt32();
        Eos = root.GetProperty("eos").GetInt32();
        Bos = root.GetProperty("bos").GetInt32();
        Prompts = root.GetProperty("prompts").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(i => i.GetInt32()).ToArray());
    }

    public Task DisposeAsync()
    {
        if (System.IO.Directory.Exists(Directory)) System.IO.Directory.Delete(Directory, recursive: true);
        return Task.CompletedTask;
    }
}
