using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Konifer.Storage.Metadata.Postgres;

/// <summary>Readiness of the PostgreSQL metadata store: <c>SELECT 1</c> answers 1 over a pooled connection.</summary>
internal sealed class PostgresHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public const string Name = "postgres";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var command = dataSource.CreateCommand("SELECT 1");
        await using (command.ConfigureAwait(false))
        {
            var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return value is 1 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy($"SELECT 1 answered {value ?? "nothing"}");
        }
    }
}
