using Konifer.Core.Storage;

namespace Konifer.Storage.Metadata;

/// <summary>The object deletion outbox, filled by the other roles under the same lock.</summary>
public sealed partial class InMemoryAssetRepository : IObjectDeletionOutbox
{
    public Task<IReadOnlyList<PendingDeletion>> ClaimDueAsync(int max, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var claimed = new List<PendingDeletion>();
            foreach (var entry in _outbox.Values)
            {
                if (claimed.Count >= max) break;
                if (entry.NextAttemptAt > now) continue;
                entry.NextAttemptAt = now + lease;
                entry.Attempts++;
                claimed.Add(new PendingDeletion(entry.Id, entry.Location, entry.Attempts));
            }
            return Task.FromResult<IReadOnlyList<PendingDeletion>>(claimed);
        }
    }

    public Task CompleteAsync(long id, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate) _outbox.Remove(id);
        return Task.CompletedTask;
    }

    public Task RetryLaterAsync(long id, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_outbox.TryGetValue(id, out var entry))
            {
                entry.NextAttemptAt = nextAttemptAt;
                entry.LastError = error;
            }
        }
        return Task.CompletedTask;
    }

    public Task<int> CountAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate) return Task.FromResult(_outbox.Count);
    }

    private sealed class OutboxEntry(long id, ObjectLocation location)
    {
        public long Id { get; } = id;
        public ObjectLocation Location { get; } = location;
        public int Attempts { get; set; }
        public DateTimeOffset NextAttemptAt { get; set; } = DateTimeOffset.MinValue;
        public string? LastError { get; set; }
    }
}
