using Konifer.Core.Transformations;
using Konifer.Variants.Claims;

namespace Konifer.Storage.Metadata;

/// <summary>
/// Generation claims of the in-memory store (one instance): the same leases as on PostgreSQL, in process memory, so
/// the flow and its contract are the same whichever store runs. It does not know the assets, so it never answers
/// <see cref="ClaimOutcome.AssetGone"/> (generating a deleted asset's variant fails on its own).
/// </summary>
public sealed class InMemoryGenerationClaims(TimeProvider clock) : IGenerationClaims
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(Guid, Transformation), Lease> _claims = [];
    private readonly ClaimSignals _signals = new();

    public Task<ClaimAttempt> TryClaimAsync(Guid assetId, Transformation transformation, string owner, TimeSpan lease,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transformation);
        ArgumentNullException.ThrowIfNull(owner);
        cancellationToken.ThrowIfCancellationRequested();
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            if (_claims.TryGetValue((assetId, transformation), out var held) && held.ExpiresAt > now && held.Owner != owner)
                return Task.FromResult(ClaimAttempt.HeldBy(held.Owner, held.ExpiresAt - now));
            _claims[(assetId, transformation)] = new Lease(owner, now + lease);
            return Task.FromResult(ClaimAttempt.Claimed);
        }
    }

    public Task<bool> RenewAsync(Guid assetId, Transformation transformation, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_claims.TryGetValue((assetId, transformation), out var held) || held.Owner != owner) return Task.FromResult(false);
            _claims[(assetId, transformation)] = held with { ExpiresAt = clock.GetUtcNow() + lease };
            return Task.FromResult(true);
        }
    }

    public Task ReleaseAsync(Guid assetId, Transformation transformation, string owner, CancellationToken cancellationToken)
    {
        bool released;
        lock (_gate)
        {
            released = _claims.TryGetValue((assetId, transformation), out var held) && held.Owner == owner && _claims.Remove((assetId, transformation));
        }
        if (released) _signals.Signal(assetId);
        return Task.CompletedTask;
    }

    public ClaimWatch Watch(Guid assetId) => _signals.Watch(assetId);

    private sealed record Lease(string Owner, DateTimeOffset ExpiresAt);
}
