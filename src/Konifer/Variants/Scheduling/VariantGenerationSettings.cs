namespace Konifer.Variants.Scheduling;

/// <summary>
/// The <c>variant-generation</c> block of <c>konifer.conf</c>. <see cref="QueueSize"/> bounds each of the two queues
/// separately (as the reference sizes each of its channels), so a flood of eager work never refuses a waiting client.
/// </summary>
public sealed record VariantGenerationSettings(int Workers, int QueueSize, int SynchronousPriority)
{
    public const int DefaultQueueSize = 1000;
    public const int DefaultSynchronousPriority = 80;

    /// <summary>One worker per processor, 1000 jobs per queue, 80 % synchronous when both queues have work.</summary>
    public static VariantGenerationSettings Default { get; } =
        new(Environment.ProcessorCount, DefaultQueueSize, DefaultSynchronousPriority);

    /// <summary>Null when the settings are usable, otherwise a message naming the offending key.</summary>
    public string? Validate()
    {
        if (Workers < 1) return $"variant-generation.workers must be at least 1, but is {Workers}.";
        if (QueueSize < 1) return $"variant-generation.queue-size must be at least 1, but is {QueueSize}.";
        if (SynchronousPriority is < 1 or > 99)
            return $"variant-generation.synchronous-priority must be between 1 and 99, but is {SynchronousPriority}.";
        return null;
    }
}
