namespace Konifer.Inference;

/// <summary>
/// The inference queue is full: the request is refused at once rather than waiting behind a burst (the HTTP layer
/// answers 503, so the client may retry later).
/// </summary>
public sealed class InferenceQueueFullException(int queueSize)
    : Exception($"Upload rule inference is busy: {queueSize} requests are already waiting. Try again later.")
{
    public int QueueSize { get; } = queueSize;
}
