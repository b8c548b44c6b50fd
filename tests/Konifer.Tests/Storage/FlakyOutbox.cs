using Konifer.Core.Storage;

namespace Konifer.Tests.Storage;

/// <summary>An outbox whose first <c>failures</c> claims throw, like a database that is briefly unreachable.</summary>
public sealed class FlakyOutbox(IObjectDeletionOutbox inner, int failures) : IObjectDeletionOutbox
{
    private int _claims;

    public int Claims => Volatile.Read(ref _claims);

    public Task<IReadOnlyList<PendingDeletion>> ClaimDueAsync(int max, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        var claim = Interlocked.Increment(ref _claims);
        if (claim <= failures) throw new InvalidOperationException($"Database unreachable (claim {claim}).");
        return inner.ClaimDueAsync(max, now, lease, cancellationToken);
    }

    public Task CompleteAsync(long id, CancellationToken cancellationToken) => inner.CompleteAsync(id, cancellationToken);

    public Task RetryLaterAsync(long id, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken) =>
        inner.RetryLaterAsync(id, nextAttemptAt, error, cancellationToken);

    public Task<int> CountAsync(CancellationToken cancellationToken) => inner.CountAsync(cancellationToken);
}
