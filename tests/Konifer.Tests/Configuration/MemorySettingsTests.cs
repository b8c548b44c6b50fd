using Konifer.Configuration;
using Konifer.Tests.TestSupport;
using Konifer.Transformations;
using Konifer.Variants.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace Konifer.Tests.Configuration;

public sealed class MemorySettingsTests
{
    private const string Stores = "data-store.provider = in-memory\nobject-store.provider = in-memory\n";

    [Theory]
    [InlineData("2GB", 2_000_000_000L)]
    [InlineData("512MiB", 536_870_912L)]
    [InlineData("1.5G", 1_610_612_736L)]
    [InlineData("300000000", 300_000_000L)]
    public async Task The_memory_budget_takes_bytes_or_hocon_sizes(string value, long expected)
    {
        await using var server = await KoniferTestServer.StartAsync(Stores + $"variant-generation.memory-budget = {value}");
        Assert.Equal(expected, server.Services.GetRequiredService<VariantGenerationScheduler>().MemoryBudget);
    }

    [Fact]
    public async Task By_default_or_as_a_percentage_the_budget_follows_the_memory_the_runtime_may_use()
    {
        var available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        await using (var server = await KoniferTestServer.StartAsync(Stores))
            Assert.Equal(available / 2, server.Services.GetRequiredService<VariantGenerationScheduler>().MemoryBudget);
        await using (var server = await KoniferTestServer.StartAsync(Stores + "variant-generation.memory-budget = 25%"))
            Assert.Equal(available / 4, server.Services.GetRequiredService<VariantGenerationScheduler>().MemoryBudget);
    }

    [Fact]
    public async Task Pixel_limits_are_read_from_max_output_pixels()
    {
        await using var server = await KoniferTestServer.StartAsync(Stores +
            "variant-generation.max-output-pixels { streaming = 5MP, full-frame = 2000000 }");
        Assert.Equal(new OutputLimits(5_000_000, 2_000_000), server.Services.GetRequiredService<GenerationLimits>().Outputs);
    }

    [Fact]
    public async Task The_large_job_threshold_is_read_from_large_job_pixels_and_defaults_to_2048_squared()
    {
        await using (var server = await KoniferTestServer.StartAsync(Stores + "variant-generation.large-job-pixels = 1 MP"))
            Assert.Equal(1_000_000, server.Services.GetRequiredService<VariantGenerationScheduler>().LargeJobPixels);
        await using (var server = await KoniferTestServer.StartAsync(Stores))
            Assert.Equal(2048L * 2048, server.Services.GetRequiredService<VariantGenerationScheduler>().LargeJobPixels);
    }

    [Theory]
    [InlineData("variant-generation.large-job-pixels = 0", "variant-generation.large-job-pixels: Pixel count must be positive: 0")]
    [InlineData("variant-generation.memory-budget = lots", "variant-generation.memory-budget: Invalid byte size: lots")]
    [InlineData("variant-generation.memory-budget = 150%", "variant-generation.memory-budget: Invalid byte size: 150%")]
    [InlineData("variant-generation.max-output-pixels.full-frame = 0", "variant-generation.max-output-pixels.full-frame: Pixel count must be positive: 0")]
    [InlineData("variant-generation.max-output-pixels.streaming = 1.5P", "Pixel count must resolve to a whole number within Long range: 1.5P")]
    public async Task Bad_values_stop_start_up_naming_the_key(string line, string expected)
    {
        var error = await Assert.ThrowsAsync<ConfigurationException>(() => KoniferTestServer.StartAsync(Stores + line));
        Assert.Contains(expected, error.Message);
    }
}
