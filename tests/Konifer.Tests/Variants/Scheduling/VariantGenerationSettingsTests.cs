using Konifer.Tests.Storage;
using Konifer.Variants.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Konifer.Tests.Variants.Scheduling;

public sealed class VariantGenerationSettingsTests
{
    [Fact]
    public void Defaults_are_one_worker_per_processor_a_thousand_jobs_per_queue_and_80_percent_synchronous()
    {
        var settings = VariantGenerationSettings.Default;

        Assert.Equal((Environment.ProcessorCount, 1000, 80), (settings.Workers, settings.QueueSize, settings.SynchronousPriority));
        Assert.Null(settings.Validate());
    }

    [Theory]
    [InlineData(0, 1000, 80, "variant-generation.workers")]
    [InlineData(4, 0, 80, "variant-generation.queue-size")]
    [InlineData(4, 1000, 0, "variant-generation.synchronous-priority")]
    [InlineData(4, 1000, 100, "variant-generation.synchronous-priority")]
    public void Invalid_settings_name_their_key_and_stop_the_scheduler_from_starting(int workers, int queueSize, int priority, string key)
    {
        var settings = new VariantGenerationSettings(workers, queueSize, priority);

        Assert.StartsWith(key + " ", settings.Validate());
        var refused = Assert.Throws<ArgumentException>(() => new VariantGenerationScheduler(settings, new CapturingLogger<VariantGenerationScheduler>()));
        Assert.Contains(key, refused.Message);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(4, 3)]
    public void Large_jobs_may_hold_every_worker_but_one_and_at_least_one(int workers, int largeJobWorkers) =>
        Assert.Equal(largeJobWorkers, new VariantGenerationSettings(workers, 1, 80).LargeJobWorkers);

    [Fact]
    public void The_large_job_threshold_must_be_positive_and_is_refused_naming_its_key()
    {
        Assert.Equal(4_194_304, VariantGenerationSettings.Default.LargeJobPixels);
        var settings = new VariantGenerationSettings(2, 10, 80) { LargeJobPixels = 0 };
        Assert.StartsWith("variant-generation.large-job-pixels ", settings.Validate());
        Assert.Throws<ArgumentException>(() => new VariantGenerationScheduler(settings, new CapturingLogger<VariantGenerationScheduler>()));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(99)]
    public void The_priority_range_includes_its_ends(int priority) =>
        Assert.Null(new VariantGenerationSettings(1, 1, priority).Validate());

    [Fact]
    public async Task The_registered_scheduler_is_one_per_process_and_stops_with_the_container()
    {
        var services = new ServiceCollection().AddLogging().AddVariantGenerationScheduler(new VariantGenerationSettings(2, 10, 80));
        var provider = services.BuildServiceProvider();
        var scheduler = provider.GetRequiredService<VariantGenerationScheduler>();
        Assert.Same(scheduler, provider.GetRequiredService<VariantGenerationScheduler>());
        Assert.Equal("ok", await scheduler.EnqueueAsync("k", WorkPriority.Synchronous, _ => Task.FromResult("ok"), CancellationToken.None));

        await provider.DisposeAsync();

        var late = scheduler.EnqueueAsync("k", WorkPriority.Synchronous, _ => Task.FromResult("ok"), CancellationToken.None);
        Assert.IsType<ObjectDisposedException>(late.Exception?.InnerException);
    }
}
