namespace Konifer.Inference;

/// <summary>
/// The process's SigLIP2 runtime: the model files, the inference pool and one session per tower. Disposing it drains
/// the pool before the sessions are released, so no call runs on a disposed session at shutdown.
/// </summary>
public sealed class Siglip2Runtime : IDisposable
{
    public Siglip2Runtime(InferenceSettings settings)
    {
        Files = new Siglip2ModelFiles(settings.ModelDirectory);
        Pool = new InferencePool(settings.Workers, settings.QueueSize);
        Vision = new OnnxTower(Files.VisionModel, () => Files.CheckFiles(Files.VisionModel), Pool.Workers);
        Text = new OnnxTower(Files.TextModel, () => Files.CheckFiles(Files.TextModel, Files.Tokenizer), Pool.Workers);
    }

    public Siglip2ModelFiles Files { get; }
    public InferencePool Pool { get; }
    internal OnnxTower Vision { get; }
    internal OnnxTower Text { get; }

    public void Dispose()
    {
        Pool.Dispose();
        Vision.Dispose();
        Text.Dispose();
    }
}
