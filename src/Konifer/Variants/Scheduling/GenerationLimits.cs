using System.Globalization;
using Konifer.Core.Images;
using Konifer.Core.Transformations;
using Konifer.Transformations;

namespace Konifer.Variants.Scheduling;

/// <summary>
/// The up-front check of a generation job: its output must pass <see cref="Transformations.OutputLimits"/> and its
/// estimated peak must fit the whole memory budget. Refusing here (400) is the answer to "never start work that is
/// bound to fail or exhaust memory"; what passes is queued with its estimate as its memory cost.
/// </summary>
public sealed class GenerationLimits(OutputLimits outputs, long memoryBudget)
{
    public const string MemoryBudgetKey = "variant-generation.memory-budget";

    public OutputLimits Outputs { get; } = outputs;

    public long MemoryBudget { get; } = memoryBudget;

    /// <summary>The job's memory cost, or <see cref="InvalidTransformationException"/> naming the limit it breaks.</summary>
    public long Admit(Transformation transformation, ImageAttributes original)
    {
        Outputs.Check(transformation, original);
        var estimate = MemoryEstimate.For(transformation, original);
        if (estimate <= MemoryBudget) return estimate;
        throw new InvalidTransformationException(MemoryBudgetKey,
            $"A {transformation.Width}×{transformation.Height} px {transformation.Format.ShortName()} output of this image needs about " +
            $"{Megabytes(estimate)} MB of memory to generate, more than {MemoryBudgetKey} ({Megabytes(MemoryBudget)} MB) allows; " +
            $"ask for a smaller w or h, or a streaming format ({OutputLimits.StreamingFormats}).");
    }

    /// <summary>
    /// <see cref="Admit"/> (same refusals) together with the pixels the job works through, which decide whether the
    /// scheduler treats it as a large job.
    /// </summary>
    public JobCost Cost(Transformation transformation, ImageAttributes original) =>
        new(Admit(transformation, original), WorkPixels.For(transformation, original));

    private static string Megabytes(long bytes) => (bytes / 1e6).ToString("0", CultureInfo.InvariantCulture);
}
