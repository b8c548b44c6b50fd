using System.Net;
using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Observability;

/// <summary>What a Prometheus server scraping Konifer sees after real requests, and that nothing is served when it is off.</summary>
public sealed class MetricsEndpointTests
{
    private const string Enabled = KoniferTestServer.FileSystemConfig + "\nmetrics.prometheus.enabled = true\n";

    private static async Task<PrometheusText> ScrapeAsync(HttpClient client, string path = "/metrics")
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType);
        return new PrometheusText(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Upload_miss_hit_and_delete_move_the_counters_by_what_happened()
    {
        await using var server = await KoniferTestServer.StartAsync(Enabled);
        var client = server.Client;
        var png = TestImages.Gradient(40, 30);
        var before = await ScrapeAsync(client);

        await client.StoreAsync("/metrics/one", png);
        using var miss = await client.GetAsync("/assets/metrics/one/-/content?w=20&format=webp");
        var variant = await miss.Content.ReadAsByteArrayAsync();
        using var hit = await client.GetAsync("/assets/metrics/one/-/content?w=20&format=webp");
        await hit.Content.ReadAsByteArrayAsync();
        using var original = await client.GetAsync("/assets/metrics/one/-/content");
        await original.Content.ReadAsByteArrayAsync();
        using var deleted = await client.DeleteAsync("/assets/metrics/one");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        var after = await ScrapeAsync(client);

        Assert.Equal("miss", miss.Headers.GetValues("K-Cache-Status").Single());
        Assert.Equal(1, after.Sum("konifer_cache_lookups_total", ("status", "miss"), ("format", "webp")));
        Assert.Equal(1, after.Sum("konifer_cache_lookups_total", ("status", "hit"), ("format", "webp")));
        Assert.Equal(1, after.Sum("konifer_cache_lookups_total", ("status", "hit"), ("format", "png")));
        Assert.Equal(1, after.Sum("konifer_generation_duration_count", ("format", "webp")));
        Assert.Equal(png.Length + variant.Length, after.Sum("konifer_objects_stored_bytes_total") - before.Sum("konifer_objects_stored_bytes_total"));
        Assert.Equal(2 * variant.Length + png.Length, after.Sum("konifer_objects_served_bytes_total"));
        // ASP.NET Core's own request histogram, by route pattern and status.
        const string Requests = "microsoft_aspnetcore_hosting_http_server_request_duration_count";
        Assert.Equal(1, after.Sum(Requests, ("http_route", "/assets/{**rest}"), ("http_request_method", "POST"), ("http_response_status_code", "201")));
        Assert.Equal(3, after.Sum(Requests, ("http_route", "/assets/{**rest}"), ("http_request_method", "GET"), ("http_response_status_code", "200")));
        Assert.Equal(1, after.Sum(Requests, ("http_route", "/assets/{**rest}"), ("http_request_method", "DELETE"), ("http_response_status_code", "204")));
        // Our counters are Prometheus counters (rate() and increase() apply), not the adapter's gauges.
        Assert.Equal("counter", after.TypeOf("konifer_cache_lookups_total"));
        Assert.Equal("counter", after.TypeOf("konifer_objects_stored_bytes_total"));
        Assert.Equal("histogram", after.TypeOf("konifer_generation_duration"));
        Assert.True(after.Has("konifer_generation_queue_depth"), string.Join(", ", after.Names));
        Assert.True(after.Has("konifer_memory_budget_in_use"), string.Join(", ", after.Names));
        Assert.Equal(1, after.Sum("konifer_generation_queue_wait_count", ("queue", "synchronous")));
    }

    [Fact]
    public async Task Two_servers_in_one_process_count_apart()
    {
        await using var first = await KoniferTestServer.StartAsync(Enabled);
        await using var second = await KoniferTestServer.StartAsync(Enabled);
        await first.Client.StoreAsync("/metrics/apart", TestImages.Gradient(8, 8));
        using var read = await first.Client.GetAsync("/assets/metrics/apart/-/content");

        Assert.Equal(1, (await ScrapeAsync(first.Client)).Sum("konifer_cache_lookups_total"));
        Assert.Equal(0, (await ScrapeAsync(second.Client)).Sum("konifer_cache_lookups_total"));
    }

    [Fact]
    public async Task The_endpoint_is_404_when_not_enabled()
    {
        await using var server = await KoniferTestServer.StartAsync(KoniferTestServer.InMemoryConfig);

        using var response = await server.Client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_endpoint_moves_to_the_configured_path()
    {
        await using var server = await KoniferTestServer.StartAsync(KoniferTestServer.InMemoryConfig +
            "\nmetrics.prometheus { enabled = true, path = \"/internal/prometheus\" }\n");

        await ScrapeAsync(server.Client, "/internal/prometheus");
        using var old = await server.Client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
    }
}
