using Konifer.Transformations;
using Konifer.Variants.Scheduling;
using static Konifer.Tests.Transformations.Requests;

namespace Konifer.Tests.Variants.Scheduling;

public sealed class GenerationLimitsTests
{
    private static readonly GenerationLimits Limits = new(new OutputLimits(1_000_000_000, 100_000_000), memoryBudget: 1_000_000_000);

    [Fact]
    public void A_job_that_fits_is_admitted_with_its_estimate_as_its_memory_cost()
    {
        var original = Original(6_000, 4_000);
        var webp = Normalize("format=webp", original)!;
        Assert.Equal(MemoryEstimate.For(webp, original), Limits.Admit(webp, original));
    }

    [Fact]
    public void A_job_whose_estimate_exceeds_the_whole_budget_is_refused_naming_the_budget_but_a_streaming_one_is_not()
    {
        var original = Original(6_000, 4_000); // 24 MP: well under the pixel limit, but AVIF needs gigabytes
        var avif = Normalize("format=avif", original)!;
        var error = Assert.Throws<InvalidTransformationException>(() => Limits.Admit(avif, original));
        Assert.Equal(GenerationLimits.MemoryBudgetKey, error.Parameter);
        Assert.Contains("variant-generation.memory-budget (1000 MB)", error.Message);
        Assert.Contains("6000×4000 px avif", error.Message);

        Assert.True(Limits.Admit(Normalize("format=png", original)!, original) < Limits.MemoryBudget);
    }

    [Fact]
    public void The_output_limits_are_checked_first()
    {
        var original = Original(20_000, 6_000);
        var error = Assert.Throws<InvalidTransformationException>(() => Limits.Admit(Normalize("format=webp", original)!, original));
        Assert.Contains("16383", error.Message);
    }
}
