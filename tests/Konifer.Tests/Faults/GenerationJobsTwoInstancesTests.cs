using System.Net;
using Konifer.Core.Images;
using Konifer.Core.Transformations;
using Konifer.Imaging;
using Konifer.Tests.Storage.Postgres;
using Konifer.Tests.Storage.S3;
using Konifer.Tests.TestSupport;
using Konifer.Variants.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Konifer.Tests.Faults;

/// <summary>
/// Eager variants as jobs on PostgreSQL with instances in roles: an api instance queues, a worker generates, the api
/// serves hits; a worker that stops mid-job hands it on at once.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class GenerationJobsTwoInstancesTests(PostgresServer postgres, S3Server s3)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private const string Eager = """
        variant-profiles { thumb { w = 30, format = webp }, small { w = 60, format = jpeg } }
        paths { "/jobs/**" { transform.eager-variants = [thumb, small] } }
        """;

    /// <summary>Counts the transformations an instance makes; otherwise the real engine.</summary>
    private sealed class CountingTransformer(IImageTransformer inner) : IImageTransformer
    {
        private int _calls;

        public int Calls => _calls;

        public Task<ImageAttributes> TransformAsync(string sourceFile, ImageAttributes source, Transformation transformation, string outputFile,
            CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return inner.TransformAsync(sourceFile, source, transformation, outputFile, cancellationToken);
        }

        public Task<PlaceholderPixels> RenderPlaceholderPixelsAsync(string imageFile, ImageAttributes image, int maxSide, CancellationToken cancellationToken) =>
            inner.RenderPlaceholderPixelsAsync(imageFile, image, maxSide, cancellationToken);
    }

    /// <summary>The real engine behind a gate that never opens: a generation that runs until it is cancelled.</summary>
    private sealed class StuckTransformer : IImageTransformer
    {
        private readonly VipsImageTransformer _inner = new();

        public TaskCompletionSource Waiting { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<ImageAttributes> TransformAsync(string sourceFile, ImageAttributes source, Transformation transformation, string outputFile,
            CancellationToken cancellationToken)
        {
            Waiting.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return await _inner.TransformAsync(sourceFile, source, transformation, outputFile, cancellationToken);
        }

        public Task<PlaceholderPixels> RenderPlaceholderPixelsAsync(string imageFile, ImageAttributes image, int maxSide, CancellationToken cancellationToken) =>
            _inner.RenderPlaceholderPixelsAsync(imageFile, image, maxSide, cancellationToken);
    }

    [Fact]
    public async Task A_job_queued_on_one_instance_wakes_the_worker_of_another_at_once_not_at_its_next_poll()
    {
        var connectionString = await postgres.CreateDatabaseAsync(withLtree: true);
        const string SlowPoll = "\nvariant-generation.jobs.poll-interval = 10m";
        await using var api = await KoniferTestServer.StartAsync(ProductionStores.Config(connectionString, s3.Endpoint, Eager + "\ninstance.role = api" + SlowPoll));
        await using var worker = await KoniferTestServer.StartAsync(ProductionStores.Config(connectionString, s3.Endpoint, Eager + "\ninstance.role = worker" + SlowPoll));
        // Let the worker's first poll (at start) find nothing, so only a wake-up can bring it back within the bound.
        await Task.Delay(TimeSpan.FromSeconds(1));

        await api.Client.StoreAsync("/jobs/woken", TestImages.Gradient(200, 100));

        await Eventually.UntilAsync(async () => (await api.Client.GetJsonAsync("/assets/jobs/woken/-/info")).GetProperty("variants").GetArrayLength(),
            count => count == 3, TimeSpan.FromSeconds(20), "The worker woken by the queued jobs' notification");
    }

    [Fact]
    public async Task Eager_variants_queued_by_an_api_instance_are_generated_by_a_worker_and_served_by_the_api_as_hits()
    {
        var connectionString = await postgres.CreateDatabaseAsync(withLtree: true);
        var counting = new CountingTransformer(new VipsImageTransformer());
        await using var api = await KoniferTestServer.StartAsync(ProductionStores.Config(connectionString, s3.Endpoint, Eager + "\ninstance.role = api"),
            services: services => services.AddSingleton<IImageTransformer>(counting));
        await using var worker = await KoniferTestServer.StartAsync(ProductionStores.Config(connectionString, s3.Endpoint, Eager + "\ninstance.role = worker"));
        Assert.Null(api.Services.GetService<GenerationJobWorker>());

        await api.Client.StoreAsync("/jobs/photo", TestImages.Gradient(200, 100));

        await Eventually.UntilAsync(async () => (await api.Client.GetJsonAsync("/assets/jobs/photo/-/info")).GetProperty("variants").GetArrayLength(),
            count => count == 3, Bound, "The worker generating both eager variants");
        foreach (var profile in new[] { "thumb", "small" })
        {
            using var served = await api.Client.GetAsync($"/assets/jobs/photo/-/content?profile={profile}");
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            Assert.Equal("hit", served.Headers.GetValues("K-Cache-Status").Single());
        }
        Assert.Equal(0, counting.Calls); // the api instance generated nothing
        Assert.Equal(0, await JobsAsync(connectionString));

        // The worker answers its probes, and nothing of the asset API.
        using (var live = await worker.Client.GetAsync("/health/live")) Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        using (var ready = await worker.Client.GetAsync("/health/ready")) Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using (var info = await worker.Client.GetAsync("/assets/jobs/photo/-/info"))
        {
            Assert.Equal(HttpStatusCode.NotFound, info.StatusCode);
            Assert.Contains("generation worker", await info.ProblemMessageAsync(), StringComparison.Ordinal);
        }
        using (var upload = await worker.Client.PostAsync("/assets/jobs/other", AssetRequests.Multipart(TestImages.Gradient(20, 10))))
            Assert.Equal(HttpStatusCode.NotFound, upload.StatusCode);
    }

    [Fact]
    public async Task A_worker_stopped_mid_job_releases_it_and_another_worker_does_it_long_before_the_lease_would_have_run_out()
    {
        var connectionString = await postgres.CreateDatabaseAsync(withLtree: true);
        const string oneEager = """
            variant-profiles { thumb { w = 30, format = webp } }
            paths { "/jobs/**" { transform.eager-variants = [thumb] } }
            instance.role = worker
            """;
        await using var api = await KoniferTestServer.StartAsync(ProductionStores.Config(connectionString, s3.Endpoint, oneEager.Replace("worker", "api")));
        var stuck = new StuckTransformer();
        var stopping = await KoniferTestServer.StartAsync(ProductionStores.Config(connectionString, s3.Endpoint, oneEager), services: services =>
        {
            services.AddSingleton<IImageTransformer>(stuck);
            services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(1));
        });
        try
        {
            await api.Client.StoreAsync("/jobs/drain", TestImages.Gradient(200, 100));
            await stuck.Waiting.Task.WaitAsync(Bound);
        }
        catch
        {
            await stopping.DisposeAsync();
            throw;
        }
        await using var other = await KoniferTestServer.StartAsync(ProductionStores.Config(connectionString, s3.Endpoint, oneEager));

        // The lease is a minute; the drain gives the job 1 s and then hands it on.
        var stopped = stopping.DisposeAsync().AsTask();
        await Eventually.UntilAsync(async () => (await api.Client.GetJsonAsync("/assets/jobs/drain/-/info")).GetProperty("variants").GetArrayLength(),
            count => count == 2, TimeSpan.FromSeconds(15), "Another worker generating the released job");
        await stopped.WaitAsync(Bound);
        Assert.Equal(0, await JobsAsync(connectionString));
    }

    private static async Task<long> JobsAsync(string connectionString)
    {
        await using var database = NpgsqlDataSource.Create(connectionString);
        await using var command = database.CreateCommand("SELECT count(*) FROM generation_jobs");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
