namespace Konifer.Variants.Scheduling;

/// <summary>What keeps a queued job from starting now; it decides whether later jobs passing it delay it.</summary>
internal enum Hold
{
    None,

    /// <summary>Large jobs hold every worker they may: only a large job finishing frees what it waits for.</summary>
    LargeJobs,

    /// <summary>Every worker it may take is busy.</summary>
    Worker,

    /// <summary>It does not fit what running jobs left of the memory budget.</summary>
    Memory,
}
