using Microsoft.Extensions.Hosting;

namespace Konifer.Storage.Metadata.Postgres;

/// <summary>
/// Start-up step of the PostgreSQL store: migrates the schema before the server takes requests, and stops start-up
/// with a <see cref="PostgresStartupException"/> that says what to fix when the database is unusable.
/// </summary>
public sealed class PostgresSchemaStartup(PostgresMigrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
