namespace Konifer.Search;

/// <summary>The lock of a single process (in-memory store): the backfill loop is the only runner, so it is always granted.</summary>
public sealed class ProcessBackfillLock : IBackfillLock
{
    public Task<IAsyncDisposable?> TryAcquireAsync(CancellationToken cancellationToken) => Task.FromResult<IAsyncDisposable?>(Held.Instance);

    private sealed class Held : IAsyncDisposable
    {
        public static Held Instance { get; } = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
