namespace Konifer.Storage.Metadata;

/// <summary>Tuning of the <see cref="PendingUploadSweeper"/>; the defaults suit production.</summary>
public sealed class PendingUploadSweeperOptions
{
    /// <summary>How often stale uploads are looked for.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How old a pending upload must be before it counts as dead. It must exceed the longest upload anyone expects:
    /// an upload still running when it is swept fails at the end instead of becoming ready.
    /// </summary>
    public TimeSpan GracePeriod { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many stale uploads one query takes at most; a sweep repeats until fewer come back.</summary>
    public int BatchSize { get; set; } = 100;
}
