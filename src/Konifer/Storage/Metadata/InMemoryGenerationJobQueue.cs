using Konifer.Variants.Jobs;

namespace Konifer.Storage.Metadata;

/// <summary>
/// The generation job queue of the in-memory metadata store: one instance, so a list behind a lock does what the
/// PostgreSQL table does, and goes with the process as the rest of that store does. Jobs of deleted assets are not
/// dropped here; the worker finds the asset gone and completes them.
/// </summary>
public sealed class InMemoryGenerationJobQueue : IGenerationJobQueue
{
    private readonly Lock _gate = new();
    private readonly List<Entry> _jobs = [];
    private long _nextId;

    public Task EnqueueAsync(IReadOnlyCollection<NewGenerationJob> jobs, DateTimeOffset now, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            foreach (var job in jobs)
            {
                if (_jobs.Exists(e => e.Job.AssetId == job.AssetId && e.Job.Transformation == job.Transformation)) continue;
                _jobs.Add(new Entry(++_nextId, job, DateTimeOffset.MinValue));
            }
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<GenerationJob>> TakeAsync(string owner, int max, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var taken = new List<GenerationJob>();
        lock (_gate)
        {
            foreach (var entry in _jobs.Where(e => e.AvailableAt <= now).OrderBy(e => e.AvailableAt).ThenBy(e => e.Id).Take(max).ToList())
            {
                entry.Owner = owner;
                entry.Attempts++;
                entry.AvailableAt = now + lease;
                taken.Add(new GenerationJob(entry.Id, entry.Job.AssetId, entry.Job.Path, entry.Job.EntryId, entry.Job.Transformation, entry.Attempts));
            }
        }
        return Task.FromResult<IReadOnlyList<GenerationJob>>(taken);
    }

    public Task<IReadOnlySet<long>> RenewAsync(string owner, IReadOnlyCollection<long> ids, DateTimeOffset leasedUntil, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var held = new HashSet<long>();
        lock (_gate)
        {
            foreach (var entry in _jobs.Where(e => e.Owner == owner && ids.Contains(e.Id)))
            {
                entry.AvailableAt = leasedUntil;
                held.Add(entry.Id);
            }
        }
        return Task.FromResult<IReadOnlySet<long>>(held);
    }

    public Task<bool> CompleteAsync(long id, string owner, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate) return Task.FromResult(_jobs.RemoveAll(e => e.Id == id && e.Owner == owner) > 0);
    }

    public Task<bool> RetryLaterAsync(long id, string owner, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_jobs.Find(e => e.Id == id && e.Owner == owner) is not { } entry) return Task.FromResult(false);
            entry.Owner = null;
            entry.AvailableAt = dueAt;
            return Task.FromResult(true);
        }
    }

    public Task ReleaseAsync(string owner, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            foreach (var entry in _jobs.Where(e => e.Owner == owner && ids.Contains(e.Id)))
            {
                entry.Owner = null;
                entry.AvailableAt = DateTimeOffset.MinValue;
                entry.Attempts = Math.Max(0, entry.Attempts - 1);
            }
        }
        return Task.CompletedTask;
    }

    public Task<int> CountAsync(CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult(_jobs.Count);
    }

    private sealed class Entry(long id, NewGenerationJob job, DateTimeOffset availableAt)
    {
        public long Id { get; } = id;
        public NewGenerationJob Job { get; } = job;
        public DateTimeOffset AvailableAt { get; set; } = availableAt;
        public string? Owner { get; set; }
        public int Attempts { get; set; }
    }
}
