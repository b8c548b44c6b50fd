namespace Konifer.Inference;

/// <summary>
/// The SigLIP2 adapter's settings: where the model files are, how many inference workers run (each ONNX call also
/// uses at most that many intra-op threads) and how many requests may wait for them before new ones are refused.
/// </summary>
public sealed record InferenceSettings(string ModelDirectory, int Workers = 1, int QueueSize = 64)
{
    public static InferenceSettings Default { get; } = new(Siglip2ModelFiles.DefaultDirectory);
}
