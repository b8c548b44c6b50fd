using System.Diagnostics;
using System.Net;
using Konifer.Core.Images;
using Konifer.Core.Transformations;
using Konifer.Imaging;
using Konifer.Tests.Storage.Postgres;
using Konifer.Tests.Storage.S3;
using Konifer.Tests.TestSupport;
using Konifer.Variants.Claims;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Konifer.Tests.Faults;

/// <summary>
/// Two instances on one database generate a variant once: a miss claims it, and the other instance waits for it
/// rather than generating it again; a claim whose holder failed or died is taken over. Generations are counted where
/// they happen, in each instance's image transformer.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class GenerationClaimsTwoInstancesTests(PostgresServer postgres, S3Server s3)
{
    private const string Variant = "?w=10&format=webp";

    /// <summary>What a waiter may take beyond the event it waits for (a notification, a lapsed lease).</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Twenty_concurrent_identical_misses_on_two_instances_generate_once_and_all_get_the_same_bytes()
    {
        await using var cluster = await Cluster.StartAsync(postgres, s3, slowness: TimeSpan.FromSeconds(1));
        await cluster.One.Client.StoreAsync("/cl/twenty", TestImages.Gradient(40, 30));

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            using var response = await (i % 2 == 0 ? cluster.One : cluster.Other).Client.GetAsync("/assets/cl/twenty/-/content" + Variant);
            return (response.StatusCode, Bytes: await response.Content.ReadAsByteArrayAsync());
        })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All(responses, r => Assert.Equal(responses[0].Bytes, r.Bytes));
        Assert.Equal(new ImageInfo("webpload", 10, 8), TestImages.Read(responses[0].Bytes));
        Assert.Equal(1, cluster.Generations);
        Assert.Equal(0, await cluster.ClaimCountAsync());
    }

    [Fact]
    public async Task A_request_waiting_for_a_live_claim_of_another_instance_serves_that_instance_s_variant_without_generating()
    {
        await using var cluster = await Cluster.StartAsync(postgres, s3);
        await cluster.One.Client.StoreAsync("/cl/held", TestImages.Gradient(40, 30));
        var holding = cluster.OtherTransformer.Hold();
        var holder = cluster.Other.Client.GetAsync("/assets/cl/held/-/content" + Variant);
        await EventuallyAsync(async () => await cluster.ClaimCountAsync() == 1);

        var waiter = cluster.One.Client.GetAsync("/assets/cl/held/-/content" + Variant);
        await EventuallyAsync(() => Task.FromResult(cluster.Waiting(cluster.One) > 0));
        Assert.False(waiter.IsCompleted);
        holding.SetResult();

        using var held = await holder;
        using var waited = await waiter.WaitAsync(Bound);
        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        Assert.Equal(HttpStatusCode.OK, waited.StatusCode);
        Assert.Equal(await held.Content.ReadAsByteArrayAsync(), await waited.Content.ReadAsByteArrayAsync());
        Assert.Equal(0, cluster.OneTransformer.Count);
        Assert.Equal(1, cluster.OtherTransformer.Count);
    }

    [Fact]
    public async Task A_claim_released_without_a_variant_wakes_the_waiter_which_takes_over_long_before_the_lease_ends()
    {
        await using var cluster = await Cluster.StartAsync(postgres, s3);
        var transformation = await cluster.TransformationJsonAsync();
        await cluster.One.Client.StoreAsync("/cl/failed", TestImages.Gradient(40, 30));
        await cluster.InsertClaimAsync("/cl/failed", transformation, "failing-instance", TimeSpan.FromSeconds(50));

        var clock = Stopwatch.StartNew();
        var waiter = cluster.One.Client.GetAsync("/assets/cl/failed/-/content" + Variant);
        await EventuallyAsync(() => Task.FromResult(cluster.Waiting(cluster.One) > 0));
        Assert.Equal(0, cluster.Generations);
        // The holder fails and releases its claim: the notification wakes the waiter, which generates.
        await cluster.ExecuteAsync("DELETE FROM variant_generation_claims WHERE owner = 'failing-instance'");

        using var response = await waiter.WaitAsync(Bound);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, cluster.Generations);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(50), "the waiter waited for the lease, not the release");
    }

    [Fact]
    public async Task A_claim_left_by_a_dead_instance_is_taken_over_when_its_lease_runs_out()
    {
        await using var cluster = await Cluster.StartAsync(postgres, s3);
        var transformation = await cluster.TransformationJsonAsync();
        await cluster.One.Client.StoreAsync("/cl/dead", TestImages.Gradient(40, 30));
        await cluster.One.Client.StoreAsync("/cl/expired", TestImages.Gradient(40, 30));
        // One owner never renews (died 2 s into its lease); the other's lease ran out already.
        await cluster.InsertClaimAsync("/cl/dead", transformation, "dead-instance", TimeSpan.FromSeconds(2));
        await cluster.InsertClaimAsync("/cl/expired", transformation, "dead-instance", TimeSpan.FromSeconds(-5));

        var clock = Stopwatch.StartNew();
        using var dead = await cluster.One.Client.GetAsync("/assets/cl/dead/-/content" + Variant);
        var waited = clock.Elapsed;
        using var expired = await cluster.Other.Client.GetAsync("/assets/cl/expired/-/content" + Variant);

        Assert.Equal(HttpStatusCode.OK, dead.StatusCode);
        Assert.Equal(HttpStatusCode.OK, expired.StatusCode);
        Assert.InRange(waited, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2) + Bound);
        Assert.Equal(2, cluster.Generations);
        Assert.Equal(0, await cluster.ClaimCountAsync());
    }

    [Fact]
    public async Task Waiting_for_a_claim_that_is_never_released_ends_with_the_generation_timeout()
    {
        await using var cluster = await Cluster.StartAsync(postgres, s3, extra: "variant-generation.timeout = 2s");
        var transformation = await cluster.TransformationJsonAsync();
        await cluster.One.Client.StoreAsync("/cl/stuck", TestImages.Gradient(40, 30));
        await cluster.InsertClaimAsync("/cl/stuck", transformation, "stuck-instance", TimeSpan.FromSeconds(50));

        using var response = await cluster.One.Client.GetAsync("/assets/cl/stuck/-/content" + Variant);

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.Contains("variant-generation.timeout (2 s)", await response.ProblemMessageAsync(), StringComparison.Ordinal);
        Assert.Equal(0, cluster.Generations);
    }

    [Fact]
    public async Task With_the_hit_cache_off_each_instance_still_listens_for_claim_releases()
    {
        await using var cluster = await Cluster.StartAsync(postgres, s3, extra: "data-store.postgresql.hit-cache.enabled = false");

        await EventuallyAsync(async () => await cluster.ListenerCountAsync() == 2);
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < Bound, $"not within {Bound}");
            await Task.Delay(20);
        }
    }

    /// <summary>Two instances on one fresh database and the shared S3, each with a counting transformer.</summary>
    private sealed class Cluster : IAsyncDisposable
    {
        private readonly NpgsqlDataSource _database;

        private Cluster(KoniferTestServer one, KoniferTestServer other, CountingTransformer oneTransformer, CountingTransformer otherTransformer,
            NpgsqlDataSource database)
        {
            One = one;
            Other = other;
            OneTransformer = oneTransformer;
            OtherTransformer = otherTransformer;
            _database = database;
        }

        public KoniferTestServer One { get; }
        public KoniferTestServer Other { get; }
        public CountingTransformer OneTransformer { get; }
        public CountingTransformer OtherTransformer { get; }

        /// <summary>Variants generated on both instances.</summary>
        public int Generations => OneTransformer.Count + OtherTransformer.Count;

        public static async Task<Cluster> StartAsync(PostgresServer postgres, S3Server s3, TimeSpan? slowness = null, string extra = "")
        {
            var connectionString = await postgres.CreateDatabaseAsync(withLtree: true);
            var config = ProductionStores.Config(connectionString, s3.Endpoint, extra);
            var oneTransformer = new CountingTransformer(slowness ?? TimeSpan.Zero);
            var otherTransformer = new CountingTransformer(slowness ?? TimeSpan.Zero);
            var one = await KoniferTestServer.StartAsync(config, services: s => s.AddSingleton<IImageTransformer>(oneTransformer));
            var other = await KoniferTestServer.StartAsync(config, services: s => s.AddSingleton<IImageTransformer>(otherTransformer));
            return new Cluster(one, other, oneTransformer, otherTransformer, NpgsqlDataSource.Create(connectionString));
        }

        /// <summary>Waiters on claims in this instance now.</summary>
        public int Waiting(KoniferTestServer server) => server.Services.GetRequiredService<ClaimSignals>().Waiting;

        public async Task<int> ClaimCountAsync()
        {
            await using var command = _database.CreateCommand("SELECT count(*)::int FROM variant_generation_claims");
            return (int)(await command.ExecuteScalarAsync())!;
        }

        /// <summary>
        /// The stored form of <see cref="Variant"/> of a 40×30 image, as the server writes it: made once on a warm-up
        /// asset (then the generation counts are reset).
        /// </summary>
        public async Task<string> TransformationJsonAsync()
        {
            await One.Client.StoreAsync("/cl/warm-up", TestImages.Gradient(40, 30));
            using (var warm = await One.Client.GetAsync("/assets/cl/warm-up/-/content" + Variant))
                Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
            OneTransformer.Reset();
            await using var command = _database.CreateCommand("SELECT transformation::text FROM asset_variants WHERE NOT is_original AND is_ready");
            return (string)(await command.ExecuteScalarAsync())!;
        }

        /// <summary>A claim as another instance would leave it, with <paramref name="lease"/> left (negative: lapsed).</summary>
        public async Task InsertClaimAsync(string path, string transformation, string owner, TimeSpan lease)
        {
            await using var command = _database.CreateCommand("""
                INSERT INTO variant_generation_claims (asset_id, transformation, owner, lease_expires_at)
                SELECT id, $1::jsonb, $2, now() + $3 FROM assets WHERE path_text = $4
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = transformation });
            command.Parameters.Add(new NpgsqlParameter { Value = owner });
            command.Parameters.Add(new NpgsqlParameter { Value = lease });
            command.Parameters.Add(new NpgsqlParameter { Value = path });
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        /// <summary>Backends of this database whose application_name is the instances' listener.</summary>
        public async Task<int> ListenerCountAsync()
        {
            await using var command = _database.CreateCommand(
                "SELECT count(*)::int FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1");
            command.Parameters.Add(new NpgsqlParameter { Value = Konifer.Storage.Metadata.Postgres.PostgresNotificationListener.ApplicationName });
            return (int)(await command.ExecuteScalarAsync())!;
        }

        public async Task ExecuteAsync(string sql)
        {
            await using var command = _database.CreateCommand(sql);
            await command.ExecuteNonQueryAsync();
        }

        public async ValueTask DisposeAsync()
        {
            await One.DisposeAsync();
            await Other.DisposeAsync();
            await _database.DisposeAsync();
        }
    }

    /// <summary>libvips, counting the variants it makes; optionally slower, or held until released.</summary>
    private sealed class CountingTransformer(TimeSpan slowness) : IImageTransformer
    {
        private readonly VipsImageTransformer _inner = new();
        private int _count;
        private TaskCompletionSource? _hold;

        public int Count => Volatile.Read(ref _count);

        public void Reset() => Interlocked.Exchange(ref _count, 0);

        /// <summary>The next transforms wait until the returned source is completed.</summary>
        public TaskCompletionSource Hold() => _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<ImageAttributes> TransformAsync(string sourceFile, ImageAttributes source, Transformation transformation, string outputFile,
            CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            if (slowness > TimeSpan.Zero) await Task.Delay(slowness, cancellationToken);
            if (_hold is { } hold) await hold.Task.WaitAsync(cancellationToken);
            return await _inner.TransformAsync(sourceFile, source, transformation, outputFile, cancellationToken);
        }

        public Task<PlaceholderPixels> RenderPlaceholderPixelsAsync(string imageFile, ImageAttributes image, int maxSide, CancellationToken cancellationToken) =>
            _inner.RenderPlaceholderPixelsAsync(imageFile, image, maxSide, cancellationToken);
    }
}
