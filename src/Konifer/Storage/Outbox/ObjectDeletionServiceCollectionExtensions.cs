using Konifer.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Konifer.Storage.Outbox;

/// <summary>Registers the object deletion worker and its wake-up signal; the outbox and object store come from elsewhere.</summary>
public static class ObjectDeletionServiceCollectionExtensions
{
    public static IServiceCollection AddObjectDeletionWorker(this IServiceCollection services, ObjectDeletionWorkerSettings? settings = null)
    {
        services.AddSingleton(settings ?? new ObjectDeletionWorkerSettings());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ObjectDeletionSignal>();
        services.TryAddSingleton<IObjectDeletionSignal>(sp => sp.GetRequiredService<ObjectDeletionSignal>());
        services.AddHostedService<ObjectDeletionWorker>();
        return services;
    }
}
