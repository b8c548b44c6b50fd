using Microsoft.Extensions.Logging.Abstractions;

namespace Konifer.Inference;

/// <summary>
/// The process's SigLIP2 runtime: the model files, the inference pool and one session per tower. Disposing it drains
/// the pool before the sessions are released, so no call runs on a disposed session at shutdown.
/// </summary>
public sealed partial class Siglip2Runtime : IDisposable
{
    private readonly ILogger _logger;

    public Siglip2Runtime(InferenceSettings settings, ILogger<Siglip2Runtime>? logger = null)
    {
        _logger = logger ?? NullLogger<Siglip2Runtime>.Instance;
        Files = new Siglip2ModelFiles(settings.ModelDirectory);
        Pool = new InferencePool(settings.Workers, settings.QueueSize);
        Vision = new OnnxTower(Files.VisionModel, () => Files.CheckFiles(Files.VisionModel), Pool.Workers, Loaded);
        Text = new OnnxTower(Files.TextModel, () => Files.CheckFiles(Files.TextModel, Files.Tokenizer), Pool.Workers, Loaded);
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

    // Loading a tower takes seconds and hundreds of megabytes: worth a line when it happens.
    private void Loaded(string modelFile, TimeSpan elapsed) =>
        LogTowerLoaded(_logger, Path.GetFullPath(modelFile), (long)elapsed.TotalMilliseconds, Pool.Workers);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded the SigLIP2 model {File} in {Milliseconds} ms ({Threads} inference thread(s)).")]
    private static partial void LogTowerLoaded(ILogger logger, string file, long milliseconds, int threads);
}
