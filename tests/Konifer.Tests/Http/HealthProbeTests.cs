using System.Net;
using Konifer.Hosting.Health;
using Konifer.Storage;
using Konifer.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Konifer.Tests.Http;

/// <summary>
/// <c>/health/live</c> and <c>/health/ready</c> on the embedded stores (Faults/ProductionHealthTests: PostgreSQL and
/// S3). The checks run every 100 ms here instead of 5 s, so a change shows within a second.
/// </summary>
public sealed class HealthProbeTests
{
    private static readonly HealthMonitorSettings Fast = new(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500));

    private static Task<KoniferTestServer> StartAsync(string config, Action<IServiceCollection>? services = null) =>
        KoniferTestServer.StartAsync(config, services: s =>
        {
            s.AddSingleton(Fast);
            services?.Invoke(s);
        });

    internal static async Task<HttpStatusCode> ProbeAsync(HttpClient client, string path, HttpMethod? method = null)
    {
        using var response = await client.SendAsync(new HttpRequestMessage(method ?? HttpMethod.Get, path));
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Empty(body);
        Assert.Equal(0, response.Content.Headers.ContentLength);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        return response.StatusCode;
    }

    internal static Task<HttpStatusCode> ReadyWithinAsync(HttpClient client, HttpStatusCode expected, string what) =>
        Eventually.UntilAsync(() => ProbeAsync(client, "/health/ready"), s => s == expected, TimeSpan.FromSeconds(30), what);

    [Theory]
    [InlineData(KoniferTestServer.InMemoryConfig)]
    [InlineData(KoniferTestServer.FileSystemConfig)]
    public async Task Live_and_ready_answer_200_with_an_empty_body_on_GET_and_HEAD(string config)
    {
        await using var server = await StartAsync(config);
        await ReadyWithinAsync(server.Client, HttpStatusCode.OK, "Readiness");
        foreach (var path in new[] { "/health/live", "/health/ready" })
            foreach (var method in new[] { HttpMethod.Get, HttpMethod.Head })
                Assert.Equal(HttpStatusCode.OK, await ProbeAsync(server.Client, path, method));
        using var post = await server.Client.PostAsync("/health/ready", null);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
    }

    [Fact]
    public async Task Ready_is_503_while_the_filesystem_mount_is_missing_or_not_a_directory_and_200_again_after()
    {
        var logs = new CapturingLogProvider();
        await using var server = await StartAsync(KoniferTestServer.FileSystemConfig, s => s.AddSingleton<ILoggerProvider>(logs));
        var client = server.Client;
        await ReadyWithinAsync(client, HttpStatusCode.OK, "Readiness of a fresh mount");

        Directory.Delete(server.MountPath, recursive: true);
        await ReadyWithinAsync(client, HttpStatusCode.ServiceUnavailable, "Readiness failing without the mount");
        Assert.Equal(HttpStatusCode.OK, await ProbeAsync(client, "/health/live")); // liveness touches no store
        await Task.Delay(500); // several more failed rounds: still one warning
        var warnings = logs.Entries.Where(e => e.Level == LogLevel.Warning && e.Message.Contains("filesystem object store", StringComparison.Ordinal)).ToList();
        Assert.Single(warnings);
        Assert.Contains("does not exist", warnings[0].Message, StringComparison.Ordinal);

        await File.WriteAllTextAsync(server.MountPath, "not a directory");
        await Task.Delay(300);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await ProbeAsync(client, "/health/ready"));

        File.Delete(server.MountPath);
        Directory.CreateDirectory(server.MountPath);
        await ReadyWithinAsync(client, HttpStatusCode.OK, "Readiness after the mount returned");
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("filesystem object store is healthy again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ready_is_503_until_the_first_check_answers()
    {
        var gate = new GatedCheck();
        await using var server = await KoniferTestServer.StartAsync(services: s =>
        {
            s.AddSingleton(new HealthMonitorSettings(TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(1)));
            s.AddStoreHealthCheck("gated", _ => gate);
        });
        await Task.Delay(300);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await ProbeAsync(server.Client, "/health/ready"));
        Assert.Equal(HttpStatusCode.OK, await ProbeAsync(server.Client, "/health/live"));

        gate.Open.TrySetResult();
        await ReadyWithinAsync(server.Client, HttpStatusCode.OK, "Readiness after the first answer");
    }

    [Fact]
    public async Task A_check_that_hangs_is_unhealthy_after_its_timeout_and_the_probe_does_not_wait_for_it()
    {
        var logs = new CapturingLogProvider();
        var gate = new GatedCheck(); // never opened
        await using var server = await StartAsync(KoniferTestServer.InMemoryConfig, s =>
        {
            s.AddSingleton<ILoggerProvider>(logs);
            s.AddStoreHealthCheck("hanging", _ => gate);
        });
        await Eventually.UntilAsync(() => Task.FromResult(logs.Entries.Count(e => e.Level == LogLevel.Warning && e.Message.Contains("hanging", StringComparison.Ordinal))),
            n => n > 0, TimeSpan.FromSeconds(10), "The timeout warning");
        Assert.Contains(logs.Entries, e => e.Message.Contains("hanging is unhealthy (timed out after 0.5s)", StringComparison.Ordinal));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await ProbeAsync(server.Client, "/health/ready"));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"the probe took {watch.Elapsed}");
    }

    [Fact]
    public async Task Probes_need_no_signature_when_url_signing_is_on()
    {
        await using var server = await StartAsync(KoniferTestServer.InMemoryConfig + "\nurl-signing { enabled = true, secret-key = probes }");
        using (var unsigned = await server.Client.GetAsync("/assets/a/-/info"))
            Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode); // signing is on
        Assert.Equal(HttpStatusCode.OK, await ProbeAsync(server.Client, "/health/live"));
        Assert.Equal(HttpStatusCode.OK, await ProbeAsync(server.Client, "/health/ready"));
    }

    /// <summary>A dependency whose check answers healthy only once the test opens it, and honours no token.</summary>
    private sealed class GatedCheck : IHealthCheck
    {
        public TaskCompletionSource Open { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            await Open.Task;
            return HealthCheckResult.Healthy();
        }
    }
}
