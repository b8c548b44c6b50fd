namespace Konifer.Variants.Scheduling;

/// <summary>
/// What one generation job costs the scheduler: <paramref name="MemoryBytes"/> it reserves from the memory budget
/// while it runs (its estimated peak, see <see cref="MemoryEstimate"/>), and <paramref name="Pixels"/> it works
/// through (see <see cref="WorkPixels"/>), which decides whether it is a large job.
/// </summary>
public readonly record struct JobCost(long MemoryBytes, long Pixels);
