using Konifer.Core.Problems;

namespace Konifer.Inference;

/// <summary>
/// The inference queue is full: the request is refused at once rather than waiting behind a burst. The client gets 503
/// with <c>Retry-After</c>; the queue size stays in the log.
/// </summary>
public sealed class InferenceQueueFullException(int queueSize)
    : UnavailableException($"Upload rule inference is busy: {queueSize} requests are already waiting (rules.inference.queue-size).", TimeSpan.FromSeconds(1))
{
    public int QueueSize { get; } = queueSize;

    public override string Detail => "The image model is busy with other uploads. Try again shortly.";
}
