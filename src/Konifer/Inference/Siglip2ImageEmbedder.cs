using Konifer.Rules;
using Microsoft.ML.OnnxRuntime;

namespace Konifer.Inference;

/// <summary>The SigLIP2 image tower: decode, preprocess and run, all on the inference pool.</summary>
public sealed class Siglip2ImageEmbedder(Siglip2Runtime runtime) : IImageEmbedder
{
    public string Model => Siglip2ModelFiles.ModelName;

    public Task<float[]> EmbedImageAsync(string imageFile, CancellationToken cancellationToken) =>
        runtime.Pool.RunAsync(ct => Embed(imageFile, ct), cancellationToken);

    private float[] Embed(string imageFile, CancellationToken cancellationToken)
    {
        // The session first: missing model files fail before any decoding work.
        var tower = runtime.Vision;
        var output = tower.OutputNamed("image_embeds", "pooler_output");
        var tensor = Siglip2Preprocessing.ToTensor(Siglip2Preprocessing.LoadRgb(imageFile), Siglip2Preprocessing.Size, Siglip2Preprocessing.Size);
        cancellationToken.ThrowIfCancellationRequested();
        using var pixels = OrtValue.CreateTensorValueFromMemory(tensor, [1, 3, Siglip2Preprocessing.Size, Siglip2Preprocessing.Size]);
        var rows = tower.Run([("pixel_values", pixels)], output, cancellationToken);
        return Embeddings.Normalized(rows[0]);
    }
}
