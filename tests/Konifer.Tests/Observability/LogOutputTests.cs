using System.Net;
using System.Text.Json;
using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Observability;

/// <summary>What an operator reads in the server's output: one line per request, JSON when asked, nothing around it.</summary>
public sealed class LogOutputTests
{
    private static async Task<ServerProcess> StartAsync(params (string Name, string Value)[] environment)
    {
        var (server, exitCode, output) = await ServerProcess.StartAsync(environment.ToDictionary(e => e.Name, e => e.Value));
        return server ?? throw new InvalidOperationException($"The server exited with {exitCode}:\n{output}");
    }

    /// <summary>Waits for the request lines to reach the output (they are written after the response).</summary>
    private static async Task<string[]> LinesAsync(Func<string> output, string containing, int count)
    {
        for (var i = 0; i < 100; i++)
        {
            var lines = output().Split('\n').Where(l => l.Contains(containing, StringComparison.Ordinal)).ToArray();
            if (lines.Length >= count) return lines;
            await Task.Delay(50);
        }
        throw new Xunit.Sdk.XunitException($"Fewer than {count} lines with '{containing}' in:\n{output()}");
    }

    [Fact]
    public async Task Json_lines_cover_start_up_requests_and_libvips_and_nothing_is_written_around_them()
    {
        await using var server = await StartAsync(("Logging__Console__FormatterName", "json"));
        var jpeg = TestImages.Gradient(300, 200, ".jpg");
        // A truncated JPEG makes libvips itself complain (through GLib), not only our code.
        using var broken = await server.Client.PostAsync("/assets/logs/broken", AssetRequests.Multipart(jpeg[..(jpeg.Length / 2)]));
        using var refused = await server.Client.GetAsync("/assets/logs/none/-/content?w=99999");
        await LinesAsync(() => server.StandardOutput, "Konifer.Requests", 2);

        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal("", server.StandardError);
        var entries = server.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.StartsWith("Configuration: ", entries[0].GetProperty("Message").GetString());
        var requests = entries.Where(e => e.GetProperty("Category").GetString() == "Konifer.Requests").ToList();
        var refusal = requests.Single(e => e.GetProperty("State").GetProperty("Status").GetInt32() == 400
                                           && e.GetProperty("State").GetProperty("Method").GetString() == "GET");
        Assert.Equal("/assets/{**rest}", refusal.GetProperty("State").GetProperty("Route").GetString());
        Assert.Contains("w=99999", refusal.GetProperty("State").GetProperty("Reason").GetString());
    }

    [Fact]
    public async Task Each_request_is_one_line_with_route_status_duration_cache_status_and_the_reason_of_a_refusal()
    {
        await using var server = await StartAsync();
        await server.Client.StoreAsync("/logs/one", TestImages.Gradient(40, 30));
        (await server.Client.GetAsync("/assets/logs/one/-/content?w=20")).Dispose();
        (await server.Client.GetAsync("/assets/logs/one/-/content?w=20")).Dispose();
        (await server.Client.GetAsync("/assets/logs/one/-/content?w=0")).Dispose();
        (await server.Client.GetAsync("/health/ready")).Dispose();

        var lines = await LinesAsync(() => server.Output, "/assets/{**rest}", 4);

        Assert.Equal(4, lines.Length);
        Assert.Matches(@"POST /assets/\{\*\*rest\} 201 [0-9.]+ ms", lines[0]);
        Assert.Matches(@"GET /assets/\{\*\*rest\} 200 [0-9.]+ ms cache miss", lines[1]);
        Assert.Matches(@"GET /assets/\{\*\*rest\} 200 [0-9.]+ ms cache hit", lines[2]);
        Assert.Matches(@"GET /assets/\{\*\*rest\} 400 [0-9.]+ ms: w=0 is out of range", lines[3]);
        // The refusal is that one line, not a second one from where it was raised; probes stay out at Information.
        Assert.Single(server.Output.Split('\n'), l => l.Contains("w=0", StringComparison.Ordinal));
        Assert.DoesNotContain("/health", server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_request_line_is_switched_off_by_its_category_level()
    {
        await using var server = await StartAsync(("Logging__LogLevel__Konifer.Requests", "Warning"));
        await server.Client.StoreAsync("/logs/quiet", TestImages.Gradient(8, 8));
        (await server.Client.GetAsync("/assets/logs/quiet/-/content?w=0")).Dispose();
        await Task.Delay(300);

        Assert.DoesNotContain("/assets/{**rest}", server.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("w=0", server.Output, StringComparison.Ordinal);
    }
}
