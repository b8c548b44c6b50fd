namespace Konifer.Hosting.Health;

/// <summary>
/// How the dependency checks run: one round per check, then <see cref="Interval"/> of rest (the reference's 5 s after
/// each check), each round given <see cref="Timeout"/> (2 s). Not configuration keys; tests replace the record.
/// </summary>
public sealed record HealthMonitorSettings(TimeSpan Interval, TimeSpan Timeout)
{
    public static HealthMonitorSettings Default { get; } = new(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(2));
}
