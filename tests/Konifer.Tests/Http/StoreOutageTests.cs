using Amazon.Runtime;
using Konifer.Core.Storage;
using Konifer.Http.Problems;
using Npgsql;

namespace Konifer.Tests.Http;

/// <summary>Which store errors are outages (503, try again) and which are not (500): the cases the fault tests cannot provoke.</summary>
public sealed class StoreOutageTests
{
    private static PostgresException Postgres(string sqlState) => new("message", "ERROR", "ERROR", sqlState);

    [Theory]
    [InlineData("08006")] // connection failure
    [InlineData("53300")] // too many connections
    [InlineData("57P01")] // admin shutdown
    [InlineData("57P03")] // cannot connect now (starting up)
    public void Server_states_of_a_database_that_cannot_serve_now_are_metadata_outages(string sqlState) =>
        Assert.Equal(StoreOutage.MetadataStoreMessage, StoreOutage.MessageFor(Postgres(sqlState)));

    [Theory]
    [InlineData("23505")] // unique violation
    [InlineData("42P01")] // undefined table
    [InlineData("22P02")] // invalid text representation
    public void Errors_that_a_retry_will_not_fix_are_not_outages(string sqlState) =>
        Assert.Null(StoreOutage.MessageFor(Postgres(sqlState)));

    [Fact]
    public void Wrapped_store_errors_are_found()
    {
        Assert.Equal(StoreOutage.MetadataStoreMessage,
            StoreOutage.MessageFor(new InvalidOperationException("outer", new NpgsqlException("pool exhausted", new TimeoutException()))));
        Assert.Equal(StoreOutage.ObjectStoreMessage,
            StoreOutage.MessageFor(new AggregateException(new InvalidOperationException(), new ObjectStoreUnavailableException("down"))));
        Assert.Equal(StoreOutage.ObjectStoreMessage, StoreOutage.MessageFor(new AmazonClientException("connection refused")));
        Assert.Null(StoreOutage.MessageFor(new InvalidOperationException("a bug")));
        Assert.Null(StoreOutage.MessageFor(new AmazonServiceException("not found") { StatusCode = System.Net.HttpStatusCode.NotFound }));
    }
}
