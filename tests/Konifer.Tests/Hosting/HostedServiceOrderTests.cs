using Konifer.Background;
using Konifer.Hosting;
using Konifer.Storage.Metadata.Postgres;
using Konifer.Storage.Outbox;
using Konifer.Variants;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Konifer.Tests.Hosting;

/// <summary>
/// Hosted services start in registration order. On PostgreSQL the schema is migrated by one of them, so every
/// background loop (access-count flusher, expiration reaper, pending-upload sweeper, deletion worker, leftover-file sweeper) must come after it; otherwise its first
/// round runs against tables that do not exist yet.
/// </summary>
public sealed class HostedServiceOrderTests
{
    [Fact]
    public async Task Background_loops_start_after_the_postgresql_schema_is_migrated()
    {
        var directory = Directory.CreateTempSubdirectory("konifer-order-").FullName;
        try
        {
            var config = Path.Combine(directory, "konifer.conf");
            // Never started, so nothing connects: the host only composes its services.
            await File.WriteAllTextAsync(config, """
                data-store { provider = postgresql, postgresql { host = "127.0.0.1", port = 1 } }
                object-store.provider = in-memory
                """);
            await using var app = KoniferApp.Build([], new KoniferHostOptions
            {
                Environment = name => name == "KONIFER_CONFIG" ? config : null,
                CurrentDirectory = directory,
                Urls = "http://127.0.0.1:0",
            });

            var services = app.Services.GetServices<IHostedService>().ToList();

            var migration = services.FindIndex(s => s is PostgresSchemaStartup);
            var loops = services.Select((service, index) => (service, index))
                .Where(s => s.service is PeriodicBackgroundService or ObjectDeletionWorker or VariantAccessFlusher).ToList();
            Assert.True(migration >= 0, "the PostgreSQL schema start-up is registered");
            Assert.Equal(5, loops.Count);
            Assert.All(loops, loop => Assert.True(loop.index > migration,
                $"{loop.service.GetType().Name} starts before the schema is migrated"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
