using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;

namespace Konifer.Inference;

/// <summary>
/// One ONNX model of the process, its session created on first use (so a restart whose prompt embeddings are all
/// cached never loads the text tower) with at most <c>threads</c> intra-op threads, and shared by every call.
/// </summary>
internal sealed class OnnxTower(string modelFile, Action checkFiles, int threads, Action<string, TimeSpan> loaded) : IDisposable
{
    private readonly Lock _gate = new();
    private InferenceSession? _session;
    private bool _disposed;

    public InferenceSession Session
    {
        get
        {
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                if (_session is not null) return _session;
                checkFiles();
                using var options = new Microsoft.ML.OnnxRuntime.SessionOptions
                {
                    IntraOpNumThreads = threads,
                    InterOpNumThreads = 1,
                    ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
                };
                var started = Stopwatch.GetTimestamp();
                _session = new InferenceSession(modelFile, options);
                loaded(modelFile, Stopwatch.GetElapsedTime(started));
                return _session;
            }
        }
    }

    public bool HasInput(string name) => Session.InputMetadata.ContainsKey(name);

    /// <summary>The first of <paramref name="names"/> the model declares as an output (exports differ in naming).</summary>
    public string OutputNamed(params string[] names) =>
        names.FirstOrDefault(Session.OutputMetadata.ContainsKey)
        ?? throw new InvalidOperationException(
            $"The model {Path.GetFileName(modelFile)} has none of the outputs {string.Join(", ", names)} " +
            $"(it has {string.Join(", ", Session.OutputMetadata.Keys)}).");

    /// <summary>Runs the model and returns its one float output as rows of the last dimension's width.</summary>
    public float[][] Run(IReadOnlyList<(string Name, OrtValue Value)> inputs, string output, CancellationToken cancellationToken)
    {
        var session = Session;
        using var runOptions = new RunOptions();
        using var registration = cancellationToken.Register(() => runOptions.Terminate = true);
        try
        {
            using var results = session.Run(runOptions, inputs.Select(i => i.Name).ToArray(), inputs.Select(i => i.Value).ToArray(), [output]);
            var shape = results[0].GetTensorTypeAndShape().Shape;
            var values = results[0].GetTensorDataAsSpan<float>();
            var width = shape.Length == 0 ? 0 : (int)shape[^1];
            if (width <= 0) throw new InvalidOperationException($"The model {Path.GetFileName(modelFile)} answered an empty {output}.");
            var rows = new float[values.Length / width][];
            for (var r = 0; r < rows.Length; r++) rows[r] = values.Slice(r * width, width).ToArray();
            return rows;
        }
        catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _session?.Dispose();
            _session = null;
        }
    }
}
