using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Konifer.Storage.Objects;

/// <summary>
/// Readiness of the filesystem object store: the mount path exists, is a directory and takes a new file (a probe
/// file, deleted on close: permission bits alone do not tell a read-only mount or a full quota).
/// </summary>
internal sealed class FileSystemHealthCheck(string mountPath) : IHealthCheck
{
    public const string Name = "filesystem object store";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (File.Exists(mountPath)) return Unhealthy($"the mount path {mountPath} is a file, not a directory");
        if (!Directory.Exists(mountPath)) return Unhealthy($"the mount path {mountPath} does not exist");
        var probe = Path.Combine(mountPath, ".konifer-ready-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var file = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
            file.WriteByte(0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Unhealthy($"the mount path {mountPath} is not writable: {e.Message}");
        }
        return Task.FromResult(HealthCheckResult.Healthy());
    }

    private static Task<HealthCheckResult> Unhealthy(string description) => Task.FromResult(HealthCheckResult.Unhealthy(description));
}
