using ArchUnitNET.Domain;
using ArchUnitNET.Domain.Dependencies;
using ArchUnitNET.Loader;
using Konifer.Storage.Metadata.Postgres;

namespace Konifer.Tests.Architecture;

/// <summary>
/// The PostgreSQL adapter converts outages in one place, <see cref="PostgresCommandExecution"/>; a statement run or a
/// connection opened past it would let Npgsql's exceptions reach the API (a 500 instead of a 503 with Retry-After).
/// Read from the compiled assembly, so the calls inside async methods and lambdas are seen too.
/// </summary>
public sealed class PostgresRoundTripTests
{
    // Npgsql members that go to the server.
    private static readonly string[] RoundTrips =
        ["OpenConnection", "ExecuteScalar", "ExecuteNonQuery", "ExecuteReader", "Read", "NextResult", "BeginTransaction", "Commit"];

    private static readonly Lazy<List<string>> Calls = new(() =>
    {
        var architecture = new ArchLoader().LoadAssemblies(typeof(PostgresAssetRepository).Assembly).Build();
        return architecture.Types
            .Where(type => type.FullName.StartsWith(typeof(PostgresAssetRepository).Namespace + ".", StringComparison.Ordinal))
            .SelectMany(type => type.Dependencies.OfType<MethodCallDependency>().Select(call => (type, call.TargetMember)))
            .Where(pair => pair.TargetMember.DeclaringType.Namespace?.FullName?.StartsWith("Npgsql", StringComparison.Ordinal) == true
                && RoundTrips.Any(name => pair.TargetMember.Name.StartsWith(name, StringComparison.Ordinal)))
            .Select(pair => $"{pair.type.FullName} calls {pair.TargetMember.DeclaringType.Name}.{pair.TargetMember.Name}")
            .Distinct()
            .ToList();
    });

    [Fact]
    public void Only_the_command_execution_and_the_start_up_migrator_talk_to_the_server_directly()
    {
        // The migrator runs at start-up, where a database that cannot be used stops the server with its own message.
        var offending = Calls.Value
            .Where(call => !call.StartsWith(typeof(PostgresCommandExecution).FullName!, StringComparison.Ordinal)
                && !call.StartsWith(typeof(PostgresMigrator).FullName!, StringComparison.Ordinal))
            .ToList();

        Assert.True(offending.Count == 0, "Npgsql round trips outside PostgresCommandExecution:\n" + string.Join("\n", offending));
    }

    [Fact]
    public void The_rule_sees_round_trips_inside_async_methods()
    {
        // A rule that reads nothing passes for nothing: both allowed places make their calls inside async methods.
        Assert.Contains(Calls.Value, call => call.StartsWith(typeof(PostgresCommandExecution).FullName!, StringComparison.Ordinal));
        Assert.Contains(Calls.Value, call => call.StartsWith(typeof(PostgresMigrator).FullName!, StringComparison.Ordinal)
            && call.Contains("OpenConnectionAsync", StringComparison.Ordinal));
    }
}
