using Konifer.Core.Storage;

namespace Konifer.Tests.Storage;

/// <summary>
/// An object store whose first <c>failures</c> deletes throw, like an S3 endpoint that is briefly down; uploads can be
/// held or made to fail on demand.
/// </summary>
public sealed class FlakyObjectStore(IObjectStore inner, int failures) : IObjectStore
{
    private int _deleteAttempts;

    public int DeleteAttempts => Volatile.Read(ref _deleteAttempts);

    /// <summary>When set, deletes wait here (honouring cancellation) before doing anything.</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>When set, uploads wait here (honouring cancellation) before doing anything.</summary>
    public TaskCompletionSource? PutGate { get; set; }

    /// <summary>When set, uploads fail with it (after <see cref="PutGate"/>).</summary>
    public Exception? PutFailure { get; set; }

    private int _putAttempts;

    public int PutAttempts => Volatile.Read(ref _putAttempts);

    public async Task PutAsync(ObjectLocation location, Stream content, long? length, string contentType, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _putAttempts);
        if (PutGate is { } gate) await gate.Task.WaitAsync(cancellationToken);
        if (PutFailure is { } failure) throw failure;
        await inner.PutAsync(location, content, length, contentType, cancellationToken);
    }

    public Task<StoredObject?> GetAsync(ObjectLocation location, CancellationToken cancellationToken) =>
        inner.GetAsync(location, cancellationToken);

    public async Task DeleteAsync(ObjectLocation location, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref _deleteAttempts);
        if (Gate is { } gate) await gate.Task.WaitAsync(cancellationToken);
        if (attempt <= failures) throw new IOException($"Object store unavailable (attempt {attempt}).");
        await inner.DeleteAsync(location, cancellationToken);
    }

    public Task<bool> ExistsAsync(ObjectLocation location, CancellationToken cancellationToken) =>
        inner.ExistsAsync(location, cancellationToken);
}
