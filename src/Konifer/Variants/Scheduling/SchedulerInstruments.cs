using System.Diagnostics.Metrics;
using Konifer.Core.Telemetry;

namespace Konifer.Variants.Scheduling;

/// <summary>
/// The generation scheduler's instruments: queue depth and memory in use are read when metrics are collected;
/// the wait (queued until a worker starts the job) is recorded as each job starts.
/// </summary>
internal sealed class SchedulerInstruments
{
    private readonly Histogram<double> _wait;

    public SchedulerInstruments(IMeterFactory meters, VariantGenerationScheduler scheduler)
    {
        var meter = meters.Create(KoniferTelemetry.Name);
        meter.CreateObservableGauge("generation.queue.depth", () => new[]
        {
            new Measurement<int>(scheduler.QueuedSynchronous, new KeyValuePair<string, object?>("queue", "synchronous")),
            new Measurement<int>(scheduler.QueuedAsynchronous, new KeyValuePair<string, object?>("queue", "asynchronous")),
        }, "{job}", "Generation jobs waiting for a worker, by queue.");
        meter.CreateObservableGauge("generation.running", () => scheduler.Running, "{job}", "Generation jobs running now.");
        meter.CreateObservableGauge("memory.budget.in_use", () => scheduler.MemoryInUse, "By",
            "Bytes of variant-generation.memory-budget reserved by running jobs.");
        meter.CreateObservableGauge("memory.budget.limit", () => scheduler.MemoryBudget, "By", "variant-generation.memory-budget.");
        _wait = meter.CreateHistogram<double>("generation.queue.wait", "s", "Time a generation job waited before a worker started it, by queue.");
    }

    public void Waited(TimeSpan wait, WorkPriority queue) =>
        _wait.Record(wait.TotalSeconds, new KeyValuePair<string, object?>("queue", queue == WorkPriority.Synchronous ? "synchronous" : "asynchronous"));
}
