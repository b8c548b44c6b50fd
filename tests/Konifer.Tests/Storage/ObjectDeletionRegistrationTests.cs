using Konifer.Core.Storage;
using Konifer.Storage.Metadata;
using Konifer.Storage.Objects;
using Konifer.Storage.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Konifer.Tests.Storage;

public sealed class ObjectDeletionRegistrationTests
{
    [Fact]
    public async Task The_registered_worker_resolves_and_shares_its_signal()
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IObjectDeletionOutbox, InMemoryAssetRepository>()
            .AddSingleton<IObjectStore, InMemoryObjectStore>()
            .AddObjectDeletionWorker(new ObjectDeletionWorkerSettings { PollInterval = TimeSpan.FromMilliseconds(50) });
        await using var provider = services.BuildServiceProvider();

        var worker = Assert.IsType<ObjectDeletionWorker>(Assert.Single(provider.GetServices<IHostedService>()));
        Assert.Same(provider.GetRequiredService<ObjectDeletionSignal>(), provider.GetRequiredService<IObjectDeletionSignal>());
        await worker.StartAsync(CancellationToken.None);
        await worker.StopAsync(CancellationToken.None);
        Assert.False(worker.ExecuteTask!.IsFaulted);
    }
}
