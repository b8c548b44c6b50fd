using Konifer.Core.Assets;
using Konifer.Core.Storage;
using Konifer.Storage.Metadata.Postgres;
using Npgsql;

namespace Konifer.Tests.Storage.Postgres;

/// <summary>
/// Which PostgreSQL errors the adapter reports as an outage (clients try again) and which it lets through (a bug,
/// answered 500): the cases the fault tests cannot provoke, and the conversion itself against a refused port.
/// </summary>
public sealed class PostgresOutageTests
{
    private static PostgresException Postgres(string sqlState) => new("message", "ERROR", "ERROR", sqlState);

    [Theory]
    [InlineData("08006")] // connection failure
    [InlineData("53300")] // too many connections
    [InlineData("57P01")] // admin shutdown
    [InlineData("57P03")] // cannot connect now (starting up)
    public void Server_states_of_a_database_that_cannot_serve_now_are_outages(string sqlState)
    {
        var outage = PostgresOutage.Translate(Postgres(sqlState), CancellationToken.None);

        Assert.NotNull(outage);
        Assert.Equal(sqlState, Assert.IsType<PostgresException>(outage.InnerException).SqlState);
        Assert.Equal(TimeSpan.FromSeconds(5), outage.RetryAfter);
    }

    [Theory]
    [InlineData("23505")] // unique violation
    [InlineData("42P01")] // undefined table
    [InlineData("22P02")] // invalid text representation
    [InlineData("57014")] // query cancelled (57, but not operator intervention)
    public void Errors_that_a_retry_will_not_fix_are_not_outages(string sqlState) =>
        Assert.Null(PostgresOutage.Translate(Postgres(sqlState), CancellationToken.None));

    [Fact]
    public void Npgsql_errors_are_found_inside_others_and_other_errors_are_not_outages()
    {
        Assert.NotNull(PostgresOutage.Translate(new InvalidOperationException("outer", new NpgsqlException("pool exhausted", new TimeoutException())), CancellationToken.None));
        Assert.NotNull(PostgresOutage.Translate(new AggregateException(new InvalidOperationException(), new NpgsqlException("refused")), CancellationToken.None));
        Assert.Null(PostgresOutage.Translate(new InvalidOperationException("a bug"), CancellationToken.None));
    }

    [Fact]
    public void The_callers_own_cancellation_passes_unchanged()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Null(PostgresOutage.Translate(new OperationCanceledException("cancelled", new NpgsqlException("broken")), cancelled.Token));
    }

    [Fact]
    public async Task A_refused_connection_leaves_the_repository_as_a_metadata_outage_on_every_path()
    {
        // Port 1: nothing listens, so the connection is refused at once.
        await using var dataSource = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Username=konifer;Password=x;Database=konifer;Timeout=5");
        var repository = new PostgresAssetRepository(dataSource);
        var none = CancellationToken.None;

        foreach (var call in new Func<Task>[]
                 {
                     () => repository.FindAsync(AssetPath.Parse("/down"), AssetQuery.Newest, none), // opens a connection itself
                     () => repository.MarkReadyAsync(Guid.NewGuid(), none), // statement then a second query on the connection
                     () => repository.CountAsync(none), // a data-source command (the outbox)
                     () => repository.RecordAccessesAsync([new VariantAccess(Guid.NewGuid(), Guid.NewGuid(), 1, DateTimeOffset.UtcNow, null, TimeSpan.FromHours(1))],
                         DateTimeOffset.UtcNow, none),
                 })
        {
            var outage = await Assert.ThrowsAsync<MetadataStoreUnavailableException>(call);
            Assert.IsAssignableFrom<NpgsqlException>(outage.InnerException);
        }
    }
}
