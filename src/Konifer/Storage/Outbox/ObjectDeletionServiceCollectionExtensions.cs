using Konifer.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Konifer.Storage.Outbox;

/// <summary>Registers the object deletion worker and its wake-up signal; the outbox and object store come from elsewhere.</summary>
public static class ObjectDeletionServiceCollectionExtensions
{
    public static IServiceCollection AddObjectDeletionWorker(this IServiceCollection services, Action<ObjectDeletionWorkerOptions>? configure = null)
    {
        services.AddOptions<ObjectDeletionWorkerOptions>();
        if (configure is not null) services.Configure(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ObjectDeletionSignal>();
        services.TryAddSingleton<IObjectDeletionSignal>(sp => sp.GetRequiredService<ObjectDeletionSignal>());
        services.AddHostedService<ObjectDeletionWorker>();
        return services;
    }
}
