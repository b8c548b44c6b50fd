namespace Konifer.Variants.Scheduling;

/// <summary>Which queue a generation job waits in: whether a client is waiting for it or not.</summary>
public enum WorkPriority
{
    /// <summary>A client is waiting: on-demand variants and upload preprocessing.</summary>
    Synchronous,

    /// <summary>Nobody is waiting: eager variants generated after an upload, best effort.</summary>
    Asynchronous,
}
