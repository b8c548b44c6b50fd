using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Konifer.Configuration;
using Konifer.Core.Storage;
using Konifer.Paths;
using Konifer.Storage;
using Konifer.Storage.Objects.S3;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Konifer.Tests.Storage.S3;

/// <summary>Missing buckets and unreachable endpoints end in a clear error that names them, quickly.</summary>
[Collection(S3Collection.Name)]
public sealed class S3UnavailableTests(S3Server server)
{
    private const string MissingBucket = "konifer-no-such-bucket";

    private static readonly TimeSpan FailFast = TimeSpan.FromSeconds(15);

    private static IHost BuildHost(S3Settings settings, JsonObject? configuration = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(Konifer.Tests.Paths.ConfigJson.Resolver(configuration));
        builder.Services.AddS3ObjectStore(settings);
        return builder.Build();
    }

    /// <summary>konifer.conf's <c>paths { pattern { object-store.bucket = bucket } }</c> as the resolver reads it.</summary>
    private static JsonObject PathsWithBucket(string pattern, string bucket) =>
        new() { ["paths"] = new JsonObject { [pattern] = new JsonObject { ["object-store"] = new JsonObject { ["bucket"] = bucket } } } };

    private static S3Settings ClosedPortSettings()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new S3Settings($"http://127.0.0.1:{port}", "us-east-1", "S3RVER", "S3RVER", ForcePathStyle: true);
    }

    [Fact]
    public async Task The_host_starts_when_every_configured_bucket_exists()
    {
        var paths = PathsWithBucket("/users/**", S3Server.OtherBucket);
        using var host = BuildHost(server.Settings, paths);

        await host.StartAsync();

        Assert.IsType<S3ObjectStore>(host.Services.GetRequiredService<IObjectStore>());
        Assert.Same(host.Services.GetRequiredService<IObjectStore>(), host.Services.GetRequiredService<IPresignedUrlIssuer>());
        await host.StopAsync();
    }

    [Fact]
    public async Task Start_up_fails_naming_a_bucket_of_the_path_configuration_that_does_not_exist()
    {
        var paths = PathsWithBucket("/users/*/photos/**", MissingBucket);
        using var host = BuildHost(server.Settings, paths);

        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<StoreStartupException>(() => host.StartAsync());

        // A missing bucket is not waited for: waiting does not create it.
        Assert.True(clock.Elapsed < FailFast, $"The start-up check took {clock.Elapsed}.");
        Assert.Contains($"'{MissingBucket}'", error.Message);
        Assert.Contains(server.Endpoint.GetLeftPart(UriPartial.Authority), error.Message);
        Assert.Contains("does not exist", error.Message);
        Assert.DoesNotContain("gave up", error.Message);
    }

    [Fact]
    public async Task A_put_to_a_missing_bucket_fails_naming_the_bucket_and_endpoint()
    {
        using var store = new S3ObjectStore(server.CreateClient());
        var location = new ObjectLocation(MissingBucket, Guid.NewGuid().ToString("N"));

        var error = await Assert.ThrowsAsync<ObjectStoreUnavailableException>(() =>
            store.PutAsync(location, new UploadStream([1, 2, 3]), 3, "image/png", CancellationToken.None));

        Assert.Contains($"'{MissingBucket}'", error.Message);
        Assert.Contains(server.Endpoint.GetLeftPart(UriPartial.Authority), error.Message);
        await Assert.ThrowsAsync<ObjectStoreUnavailableException>(() => store.GetAsync(location, CancellationToken.None));
        await Assert.ThrowsAsync<ObjectStoreUnavailableException>(() => store.DeleteAsync(location, CancellationToken.None));
    }

    [Fact]
    public async Task An_unreachable_endpoint_fails_every_operation_fast_and_names_the_endpoint()
    {
        var settings = ClosedPortSettings();
        using var store = new S3ObjectStore(S3ClientFactory.Create(settings));
        var location = new ObjectLocation(S3Server.Bucket, Guid.NewGuid().ToString("N"));
        var clock = Stopwatch.StartNew();

        var put = await Assert.ThrowsAsync<ObjectStoreUnavailableException>(() =>
            store.PutAsync(location, new UploadStream([1, 2, 3]), 3, "image/png", CancellationToken.None));
        await Assert.ThrowsAsync<ObjectStoreUnavailableException>(() => store.GetAsync(location, CancellationToken.None));
        await Assert.ThrowsAsync<ObjectStoreUnavailableException>(() => store.ExistsAsync(location, CancellationToken.None));
        await Assert.ThrowsAsync<ObjectStoreUnavailableException>(() => store.DeleteAsync(location, CancellationToken.None));

        Assert.True(clock.Elapsed < FailFast, $"Four calls to a closed port took {clock.Elapsed}.");
        Assert.Contains(settings.EndpointUrl!.TrimEnd('/'), put.Message);
        Assert.Contains("cannot be reached", put.Message);
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_retried_until_the_start_up_timeout_then_stops_start_up_naming_it()
    {
        var settings = ClosedPortSettings() with { StartupTimeout = TimeSpan.FromSeconds(2) };
        using var host = BuildHost(settings);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<StoreStartupException>(() => host.StartAsync());

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.9), FailFast);
        Assert.Contains($"'{PathConfiguration.DefaultBucket}'", error.Message);
        Assert.Contains(settings.EndpointUrl!.TrimEnd('/'), error.Message);
        Assert.Contains("gave up after 2s", error.Message);
    }

    [Fact]
    public async Task An_endpoint_that_comes_up_during_the_wait_lets_start_up_finish()
    {
        await using var gate = Konifer.Tests.Faults.TcpGate.Open(server.Endpoint);
        gate.Close();
        var settings = server.Settings with { EndpointUrl = gate.Endpoint.ToString(), StartupTimeout = TimeSpan.FromSeconds(60) };
        using var host = BuildHost(settings);

        var starting = host.StartAsync();
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.False(starting.IsCompleted, "start-up finished while the endpoint was unreachable");
        gate.Reopen();
        await starting.WaitAsync(TimeSpan.FromSeconds(30));

        await host.StopAsync();
    }

    [Fact]
    public void An_access_key_without_a_secret_key_is_a_configuration_error()
    {
        var settings = server.Settings with { SecretKey = null };

        var error = Assert.Throws<ConfigurationException>(() => S3ClientFactory.Create(settings));

        Assert.Equal("object-store.s3.secret-key", error.Key);
    }
}
