using Konifer.Variants.Claims;

namespace Konifer.Storage.Metadata.Postgres;

/// <summary>
/// Wakes this instance's waiters on generation claims when another instance releases one
/// (<see cref="PostgresGenerationClaims.Channel"/>, payload the asset id). Releases missed while not listening are
/// made up for by waking every waiter when listening resumes; waiters re-check on their own meanwhile.
/// </summary>
public sealed class PostgresClaimSubscriber(ClaimSignals signals) : IPostgresChannelSubscriber
{
    public string Channel => PostgresGenerationClaims.Channel;

    public void Listening() => signals.SignalAll();

    public void Lost()
    {
        // Nothing to undo: waiters re-check the claim periodically, so a lost notification only delays them.
    }

    public void Notified(string payload)
    {
        if (Guid.TryParse(payload, out var assetId)) signals.Signal(assetId);
    }
}
