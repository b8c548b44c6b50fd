using System.Collections.Concurrent;
using Konifer.Tests.Storage;
using Konifer.Variants.Scheduling;

namespace Konifer.Tests.Variants.Scheduling;

/// <summary>Creates schedulers that are stopped after each test, and the small job bodies the tests share.</summary>
public abstract class SchedulerTestBase : IAsyncDisposable
{
    /// <summary>Only guards against a hanging test; no assertion depends on how long anything takes.</summary>
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly List<VariantGenerationScheduler> _schedulers = [];

    protected CapturingLogger<VariantGenerationScheduler> Logger { get; } = new();

    protected static CancellationToken None => CancellationToken.None;

    protected VariantGenerationScheduler Create(int workers = 1, int queueSize = 100, int synchronousPriority = 80, TimeProvider? time = null) =>
        Create(new VariantGenerationSettings(workers, queueSize, synchronousPriority), time);

    protected VariantGenerationScheduler Create(VariantGenerationSettings settings, TimeProvider? time = null)
    {
        var scheduler = new VariantGenerationScheduler(settings, Logger, time);
        _schedulers.Add(scheduler);
        return scheduler;
    }

    /// <summary>Occupies a worker with a gated job and returns once it runs, so that later jobs stay queued.</summary>
    protected static async Task<(GatedWork Work, Task<string> Result)> OccupyWorkerAsync(
        VariantGenerationScheduler scheduler, string key = "blocker", WorkPriority priority = WorkPriority.Synchronous)
    {
        var work = new GatedWork(key);
        var result = scheduler.EnqueueAsync(key, priority, work.RunAsync, None);
        await work.Started.Task.WaitAsync(Patience);
        return (work, result);
    }

    /// <summary>Refusals happen at once and queue nothing: the returned task has already failed.</summary>
    protected static TException RefusedAtOnce<TException>(Task task) where TException : Exception
    {
        Assert.True(task.IsFaulted, $"Expected an immediate {typeof(TException).Name}, but the task is {task.Status}.");
        return Assert.IsType<TException>(task.Exception!.InnerException);
    }

    /// <summary>A job body that notes its key in <paramref name="startOrder"/> when a worker starts it.</summary>
    protected static Func<CancellationToken, Task<string>> Recording(ConcurrentQueue<string> startOrder, string key) =>
        _ =>
        {
            startOrder.Enqueue(key);
            return Task.FromResult(key);
        };

    public async ValueTask DisposeAsync()
    {
        foreach (var scheduler in _schedulers) await scheduler.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
