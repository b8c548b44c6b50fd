namespace Konifer.Variants.Claims;

/// <summary>
/// This process among the instances sharing a store: host name, process id and a random part (a restarted container
/// may get the same host name and pid), so a generation claim or a job lease names who holds it. Logged at start-up.
/// </summary>
public sealed record InstanceId(string Value)
{
    public static InstanceId ForThisProcess() =>
        new($"{Environment.MachineName}/{Environment.ProcessId}/{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4))}");

    public override string ToString() => Value;
}
