namespace Konifer.Configuration;

/// <summary>The <c>instance</c> block of <c>konifer.conf</c>: this process's part in a deployment of several.</summary>
public sealed record InstanceSettings(InstanceRole Role)
{
    public const string RoleKey = "instance.role";

    /// <summary>The command-line switch that overrides <see cref="RoleKey"/>.</summary>
    public const string RoleSwitch = "--role";

    public static InstanceSettings Default { get; } = new(InstanceRole.All);

    /// <summary>Whether this instance takes generation jobs from the queue.</summary>
    public bool RunsJobs => Role != InstanceRole.Api;

    /// <summary>Whether this instance serves the asset API (a worker serves only probes and metrics).</summary>
    public bool ServesApi => Role != InstanceRole.Worker;
}
