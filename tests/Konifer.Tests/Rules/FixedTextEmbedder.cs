using Konifer.Rules;

namespace Konifer.Tests.Rules;

/// <summary>A text tower that answers a fixed unit vector per normalized prompt and counts what it was asked.</summary>
internal sealed class FixedTextEmbedder(IReadOnlyDictionary<string, float[]> vectors) : ITextEmbedder
{
    private int calls;

    public string Model => "TEST_SIGLIP2";

    public int Calls => calls;

    /// <summary>Every prompt embedded so far, in order (a prompt twice means it was embedded twice).</summary>
    public List<string> Embedded { get; } = [];

    /// <summary>Holds every call until set, to let concurrent callers pile up.</summary>
    public TaskCompletionSource? Gate { get; set; }

    public async Task<IReadOnlyList<float[]>> EmbedPromptsAsync(IReadOnlyList<string> prompts, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref calls);
        if (Gate is { } gate) await gate.Task.WaitAsync(cancellationToken);
        lock (Embedded) Embedded.AddRange(prompts);
        return prompts.Select(p => vectors.TryGetValue(p, out var v) ? v : throw new KeyNotFoundException(p)).ToArray();
    }
}
