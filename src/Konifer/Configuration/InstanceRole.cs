namespace Konifer.Configuration;

/// <summary><c>instance.role</c> (or <c>--role</c>): what this instance does when several share one database.</summary>
public enum InstanceRole
{
    /// <summary>Serves the API and runs generation jobs: a single instance, or identical replicas.</summary>
    All,

    /// <summary>Serves the API and queues jobs, but runs none (variants a client waits for are still made here).</summary>
    Api,

    /// <summary>Runs generation jobs and the background sweepers; serves only the health probes and the metrics.</summary>
    Worker,
}
