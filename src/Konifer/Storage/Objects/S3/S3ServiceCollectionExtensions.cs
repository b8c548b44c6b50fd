using Konifer.Configuration;
using Konifer.Core.Storage;
using Konifer.Paths;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Konifer.Storage.Objects.S3;

public static class S3ServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="S3ObjectStore"/> as the <see cref="IObjectStore"/> and <see cref="IPresignedUrlIssuer"/>, and
    /// a start-up check that fails the host when the default bucket or a bucket named in the path configuration
    /// (a registered <see cref="PathConfigurationResolver"/>) is missing or the endpoint cannot be reached, and the
    /// readiness check of the root path's bucket (<see cref="S3HealthCheck"/>).
    /// </summary>
    /// <exception cref="ConfigurationException">The S3 settings are inconsistent (checked here, before the host starts).</exception>
    public static IServiceCollection AddS3ObjectStore(this IServiceCollection services, S3Settings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var client = S3ClientFactory.Create(settings);
        services.AddSingleton(sp => new S3ObjectStore(client, sp.GetService<TimeProvider>()));
        services.AddSingleton<IObjectStore>(sp => sp.GetRequiredService<S3ObjectStore>());
        services.AddSingleton<IPresignedUrlIssuer>(sp => sp.GetRequiredService<S3ObjectStore>());
        services.AddHostedService(sp => new S3BucketCheck(
            sp.GetRequiredService<S3ObjectStore>(),
            sp.GetService<PathConfigurationResolver>(),
            settings.StartupTimeout,
            sp.GetRequiredService<ILogger<S3BucketCheck>>()));
        services.AddStoreHealthCheck(S3HealthCheck.Name, sp => new S3HealthCheck(
            sp.GetRequiredService<S3ObjectStore>(), sp.GetService<PathConfigurationResolver>()));
        return services;
    }
}
