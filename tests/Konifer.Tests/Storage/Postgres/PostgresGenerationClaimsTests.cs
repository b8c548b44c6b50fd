using Konifer.Storage.Metadata.Postgres;
using Konifer.Tests.Storage.Contracts;
using Konifer.Variants.Claims;
using Microsoft.Extensions.Logging.Abstractions;

namespace Konifer.Tests.Storage.Postgres;

/// <summary>
/// The generation claims contract against a real PostgreSQL (migration 0009), and what only a shared store does: a
/// release or an asset's delete on one instance wakes the watchers of another through its listener.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresGenerationClaimsTests(PostgresServer server) : GenerationClaimsContract
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    protected override MetadataStoreRoles CreateStore() => MetadataStoreRoles.Of(new PostgresAssetRepository(server.DataSource));

    protected override IGenerationClaims CreateClaims() => new PostgresGenerationClaims(server.DataSource, new ClaimSignals());

    [Fact]
    public async Task A_claim_on_an_asset_that_does_not_exist_answers_asset_gone_and_records_nothing()
    {
        var claims = CreateClaims();

        var attempt = await claims.TryClaimAsync(Guid.NewGuid(), Thumb(20), "one", Lease, None);

        Assert.Equal(ClaimOutcome.AssetGone, attempt.Outcome);
    }

    [Fact]
    public async Task A_release_on_one_instance_wakes_the_watchers_of_another_through_its_listener()
    {
        var asset = await StoreAsync(P("claims/notify"));
        var one = CreateClaims();
        var signals = new ClaimSignals();
        var other = new PostgresGenerationClaims(server.DataSource, signals);
        await using var listener = await ListeningAsync(signals);
        await one.TryClaimAsync(asset.Id, Thumb(21), "one", Lease, None);
        Assert.Equal(ClaimOutcome.Held, (await other.TryClaimAsync(asset.Id, Thumb(21), "two", Lease, None)).Outcome);
        using var watch = other.Watch(asset.Id);

        await one.ReleaseAsync(asset.Id, Thumb(21), "one", None);

        await watch.WaitAsync(Bound, TimeProvider.System, None);
        Assert.True(watch.HasFired, "the other instance's watcher was not woken");
        Assert.Equal(ClaimOutcome.Claimed, (await other.TryClaimAsync(asset.Id, Thumb(21), "two", Lease, None)).Outcome);
    }

    [Fact]
    public async Task Deleting_the_asset_drops_its_claims_and_wakes_their_watchers()
    {
        var asset = await StoreAsync(P("claims/delete"));
        var one = CreateClaims();
        var signals = new ClaimSignals();
        await using var listener = await ListeningAsync(signals);
        await one.TryClaimAsync(asset.Id, Thumb(22), "one", Lease, None);
        using var watch = signals.Watch(asset.Id);

        Assert.Equal(1, await Entries.DeleteAsync(P("claims/delete"), Query(), None));

        await watch.WaitAsync(Bound, TimeProvider.System, None);
        Assert.True(watch.HasFired, "the watcher was not woken by the delete");
        await using var count = server.DataSource.CreateCommand("SELECT count(*)::int FROM variant_generation_claims WHERE asset_id = $1");
        count.Parameters.Add(new Npgsql.NpgsqlParameter { Value = asset.Id });
        Assert.Equal(0, (int)(await count.ExecuteScalarAsync())!);
    }

    /// <summary>A listener like an instance's, started and listening (its subscribers told so) before this returns.</summary>
    private async Task<Running> ListeningAsync(ClaimSignals signals)
    {
        var ready = new ReadySubscriber();
        var listener = new PostgresNotificationListener(
            PostgresNotificationListener.ConnectionString(server.ConnectionString, TimeSpan.FromSeconds(5)),
            [new PostgresClaimSubscriber(signals), ready], TimeSpan.FromSeconds(5), NullLogger<PostgresNotificationListener>.Instance);
        await listener.StartAsync(None);
        await ready.Listening.Task.WaitAsync(Bound);
        return new Running(listener);
    }

    private sealed class ReadySubscriber : IPostgresChannelSubscriber
    {
        public TaskCompletionSource Listening { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Channel => PostgresGenerationClaims.Channel;

        void IPostgresChannelSubscriber.Listening() => Listening.TrySetResult();

        public void Lost()
        {
        }

        public void Notified(string payload)
        {
        }
    }

    private sealed class Running(PostgresNotificationListener listener) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await listener.StopAsync(CancellationToken.None);
            listener.Dispose();
        }
    }
}
