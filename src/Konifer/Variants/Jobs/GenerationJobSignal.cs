using Konifer.Background;

namespace Konifer.Variants.Jobs;

/// <summary>
/// Wakes this instance's job worker now instead of at its next poll: a local enqueue, or a running job that finished
/// and left room. Jobs queued by other instances are found by polling.
/// </summary>
public sealed class GenerationJobSignal : WakeUpSignal;
