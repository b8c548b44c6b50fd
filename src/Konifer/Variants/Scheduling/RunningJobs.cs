namespace Konifer.Variants.Scheduling;

/// <summary>
/// The jobs the workers are executing and what they hold: memory reserved from the budget and, for large jobs, the
/// workers kept for them. Decides whether a queued job may start next to them (see the scheduler's remarks). Not
/// thread-safe: the scheduler calls it under its lock.
/// </summary>
internal sealed class RunningJobs(VariantGenerationSettings settings)
{
    private readonly HashSet<ScheduledJob> _jobs = [];
    private int _large;

    public int Count => _jobs.Count;

    public long MemoryInUse { get; private set; }

    public ScheduledJob[] Snapshot() => [.. _jobs];

    public void Add(ScheduledJob job)
    {
        _jobs.Add(job);
        MemoryInUse += job.MemoryCost;
        if (job.Large) _large++;
    }

    public void Remove(ScheduledJob job)
    {
        if (!_jobs.Remove(job)) return;
        MemoryInUse -= job.MemoryCost;
        if (job.Large) _large--;
    }

    /// <summary>What keeps <paramref name="job"/> from starting now.</summary>
    public Hold HoldOf(ScheduledJob job)
    {
        if (job.Large)
        {
            if (_large >= settings.LargeJobWorkers) return Hold.LargeJobs;
            if (_jobs.Count >= settings.Workers) return Hold.Worker;
        }
        // A small job takes a free worker, or the lane beside large jobs when they hold every worker (one worker only).
        else if (_jobs.Count >= settings.Workers && _jobs.Count > _large)
        {
            return Hold.Worker;
        }
        return Fits(job) ? Hold.None : Hold.Memory;
    }

    /// <summary>A job bigger than the whole budget fits only when nothing else runs; it then runs alone.</summary>
    private bool Fits(ScheduledJob job) => _jobs.Count == 0 || MemoryInUse + job.MemoryCost <= settings.MemoryBudget;
}
