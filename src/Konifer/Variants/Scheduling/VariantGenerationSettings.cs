using Konifer.Transformations;
using Konifer.Variants.Jobs;

namespace Konifer.Variants.Scheduling;

/// <summary>
/// The <c>variant-generation</c> block of <c>konifer.conf</c>. <see cref="QueueSize"/> bounds each of the two queues
/// separately (as the reference sizes each of its channels), so a flood of eager work never refuses a waiting client.
/// </summary>
public sealed record VariantGenerationSettings(int Workers, int QueueSize, int SynchronousPriority)
{
    public const int DefaultQueueSize = 1000;
    public const int DefaultSynchronousPriority = 80;
    public const int DefaultMaxBypass = 16;
    public const string LargeJobPixelsKey = "variant-generation.large-job-pixels";
    public const string TimeoutKey = "variant-generation.timeout";
    public const string ClaimLeaseKey = "variant-generation.claim-lease";

    /// <summary>
    /// 60 s: what a client behind a proxy usually waits at most (nginx's default read timeout), and a synchronous job
    /// whose client left is cancelled anyway. Thumbnails and web sizes take well under a second; full-size AVIF or
    /// JPEG XL of large photos can take longer on a small machine (a 36 MP AVIF took 10 minutes on two shared cores)
    /// and are refused unless the key is raised (docs/safety.md, "Generation time").
    /// </summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// 30 s: renewed every 10 s while generating, so a claim outlives a busy moment (a GC pause, a slow statement) but a
    /// crashed instance's claim holds its waiters up at most this long.
    /// </summary>
    public static readonly TimeSpan DefaultClaimLease = TimeSpan.FromSeconds(30);

    /// <summary>Shorter leases would renew so often that the renewals cost more than they protect.</summary>
    public static readonly TimeSpan MinClaimLease = TimeSpan.FromSeconds(1);

    /// <summary>2048²: every thumbnail and web size is small; a full-size conversion of a photo is large.</summary>
    public const long DefaultLargeJobPixels = 4_194_304;

    /// <summary>One worker per processor, 1000 jobs per queue, 80 % synchronous when both queues have work.</summary>
    public static VariantGenerationSettings Default { get; } =
        new(Environment.ProcessorCount, DefaultQueueSize, DefaultSynchronousPriority);

    /// <summary>
    /// <c>variant-generation.memory-budget</c>: bytes that running jobs may reserve together (their estimated peaks).
    /// Defaults to half of what the runtime may use, which follows a container's cgroup limit, leaving the rest to
    /// the runtime, Kestrel, uploads and libvips' caches.
    /// </summary>
    public long MemoryBudget { get; init; } = DefaultMemoryBudget();

    /// <summary>
    /// How many later jobs may start ahead of a queued job that does not fit the budget yet. Past that, nothing new
    /// starts until it does, so a big job waits for memory but is never starved by a stream of thumbnails.
    /// </summary>
    public int MaxBypass { get; init; } = DefaultMaxBypass;

    /// <summary>
    /// <c>variant-generation.large-job-pixels</c>: a job that works through more pixels than this (see
    /// <see cref="WorkPixels"/>) is large. Large jobs hold at most <see cref="LargeJobWorkers"/> workers, so a small
    /// job never waits behind them.
    /// </summary>
    public long LargeJobPixels { get; init; } = DefaultLargeJobPixels;

    /// <summary>
    /// <c>workers − 1</c>, so one worker is always left for small jobs; with one worker, large jobs may use it and a
    /// small job runs beside a large one on a lane of its own (see the scheduler's remarks).
    /// </summary>
    public int LargeJobWorkers => Math.Max(1, Workers - 1);

    /// <summary>
    /// <c>variant-generation.timeout</c>: the longest a job may run once a worker has started it (queueing is not
    /// counted); past it the job is cancelled and its callers get <see cref="GenerationTimeoutException"/>.
    /// </summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>
    /// <c>variant-generation.claim-lease</c>: how long an instance's claim on generating a variant lasts unless renewed
    /// (every third of it while the work runs); the longest other instances wait before taking over from an instance
    /// that died mid-generation. See <see cref="Claims.ClaimedGeneration"/>.
    /// </summary>
    public TimeSpan ClaimLease { get; init; } = DefaultClaimLease;

    /// <summary><c>variant-generation.max-output-pixels</c>: refused before queuing, see <see cref="Transformations.OutputLimits"/>.</summary>
    public OutputLimits OutputLimits { get; init; } = OutputLimits.Default;

    /// <summary><c>variant-generation.jobs</c>: the queue of generation no client waits for (see <see cref="GenerationJobWorker"/>).</summary>
    public GenerationJobSettings Jobs { get; init; } = GenerationJobSettings.Default;

    /// <summary>Half of <see cref="GCMemoryInfo.TotalAvailableMemoryBytes"/> (the machine's memory or the container's limit).</summary>
    public static long DefaultMemoryBudget() => Math.Max(1, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2);

    /// <summary>Null when the settings are usable, otherwise a message naming the offending key.</summary>
    public string? Validate()
    {
        if (Workers < 1) return $"variant-generation.workers must be at least 1, but is {Workers}.";
        if (QueueSize < 1) return $"variant-generation.queue-size must be at least 1, but is {QueueSize}.";
        if (SynchronousPriority is < 1 or > 99)
            return $"variant-generation.synchronous-priority must be between 1 and 99, but is {SynchronousPriority}.";
        if (MemoryBudget < 1) return $"variant-generation.memory-budget must be at least 1 byte, but is {MemoryBudget}.";
        if (MaxBypass < 0) return $"The bypass bound of the memory budget must not be negative, but is {MaxBypass}.";
        if (Timeout <= TimeSpan.Zero) return $"{TimeoutKey} must be above zero, but is {Timeout}.";
        if (ClaimLease < MinClaimLease) return $"{ClaimLeaseKey} must be at least {MinClaimLease.TotalSeconds:0} s, but is {ClaimLease}.";
        if (LargeJobPixels < 1) return $"{LargeJobPixelsKey} must be at least 1, but is {LargeJobPixels}.";
        return Jobs.Validate() ?? OutputLimits.Validate();
    }
}
