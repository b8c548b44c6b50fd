namespace Konifer.Storage.Leftovers;

/// <summary>
/// Tuning of the <see cref="LeftoverFileSweeper"/>; the defaults suit production.
/// The reference has no keys for it, so neither has <c>konifer.conf</c>; tests register their own.
/// </summary>
public sealed record LeftoverFileSweeperSettings
{
    /// <summary>How often leftovers are looked for (the first time at start-up).</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a file whose owner cannot be known (<c>.tmp-*</c> objects, libvips' files, loose spool files of older
    /// versions) must have gone unwritten before it counts as abandoned. It must exceed the longest pause in writing
    /// one file; a put still running when its file is swept fails instead of storing.
    /// </summary>
    public TimeSpan GracePeriod { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The shared root of the per-process spool folders; null: <see cref="SpoolFolder.DefaultRoot"/>.</summary>
    public string? SpoolRoot { get; init; }

    /// <summary>Where libvips writes its temporary files; null: <c>TMPDIR</c>, as libvips reads it.</summary>
    public string? VipsTemporaryFolder { get; init; }
}
