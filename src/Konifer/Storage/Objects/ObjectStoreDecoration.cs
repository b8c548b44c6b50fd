using Konifer.Core.Storage;
using Konifer.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace Konifer.Storage.Objects;

/// <summary>Wraps whichever <see cref="IObjectStore"/> the provider registered in an <see cref="InstrumentedObjectStore"/>.</summary>
public static class ObjectStoreDecoration
{
    public static IServiceCollection DecorateObjectStore(this IServiceCollection services, string provider)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IObjectStore));
        if (registered is null) return services;
        services.Remove(registered);
        services.AddSingleton<IObjectStore>(sp =>
        {
            var inner = registered.ImplementationInstance as IObjectStore
                ?? registered.ImplementationFactory?.Invoke(sp) as IObjectStore
                ?? (IObjectStore)ActivatorUtilities.GetServiceOrCreateInstance(sp, registered.ImplementationType!);
            return new InstrumentedObjectStore(inner, sp.GetRequiredService<StoreInstruments>(), provider);
        });
        return services;
    }
}
