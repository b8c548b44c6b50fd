namespace Konifer.Storage.Metadata;

/// <summary>
/// Tuning of the <see cref="PendingUploadSweeper"/>; the defaults suit production.
/// The reference has no keys for it, so neither has <c>konifer.conf</c>; tests register their own.
/// </summary>
public sealed record PendingUploadSweeperSettings
{
    /// <summary>How often stale uploads are looked for.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How old a pending upload must be before it counts as dead. It must exceed the longest upload anyone expects:
    /// an upload still running when it is swept fails at the end instead of becoming ready.
    /// </summary>
    public TimeSpan GracePeriod { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How many stale uploads one query takes at most; a sweep repeats until fewer come back.</summary>
    public int BatchSize { get; init; } = 100;
}
