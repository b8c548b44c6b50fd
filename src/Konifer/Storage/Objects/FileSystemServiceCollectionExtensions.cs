using Konifer.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Konifer.Storage.Objects;

public static class FileSystemServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="FileSystemObjectStore"/> under <paramref name="mountPath"/> and its readiness check. The mount
    /// directory is created now when it can be, so a fresh volume is ready at once; one that disappears later, or that
    /// cannot be created or written, is what readiness reports.
    /// </summary>
    public static IServiceCollection AddFileSystemObjectStore(this IServiceCollection services, string mountPath)
    {
        var store = new FileSystemObjectStore(mountPath);
        try
        {
            Directory.CreateDirectory(store.MountPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left to readiness, which names the cause.
        }
        services.AddSingleton<IObjectStore>(store);
        services.AddStoreHealthCheck(FileSystemHealthCheck.Name, _ => new FileSystemHealthCheck(store.MountPath));
        return services;
    }
}
