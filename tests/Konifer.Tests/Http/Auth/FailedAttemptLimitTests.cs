using System.Net;
using Konifer.Tests.TestSupport;
using static Konifer.Tests.Http.Auth.AuthRequests;

namespace Konifer.Tests.Http.Auth;

/// <summary>
/// Failed attempts are counted in the metrics and limited per client (<c>auth.failure-limit</c> per
/// <c>auth.failure-window</c>): past the limit a failure is 429 with Retry-After, while valid requests go on.
/// </summary>
public sealed class FailedAttemptLimitTests
{
    private const string Key = "kfr_limit-test-key-0123456789abcdef";

    private static readonly string Config = KoniferTestServer.InMemoryConfig + $$"""

        metrics.prometheus.enabled = true
        auth {
          enabled = true
          failure-limit = 3
          failure-window = 10m
          api-keys = [ {{Entry("uploader", Key, "write", "\"/users/**\"")}} ]
        }
        """;

    [Fact]
    public async Task The_failure_past_the_limit_is_429_with_retry_after_and_successes_are_not_limited()
    {
        await using var server = await KoniferTestServer.StartAsync(Config);
        var client = server.Client;

        using (var missing = await client.StoreAsync("/users/1", key: null))
            Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        using (var invalid = await client.StoreAsync("/users/1", "kfr_guess-0000000000000000000000000"))
            Assert.Equal(HttpStatusCode.Unauthorized, invalid.StatusCode);
        using (var forbidden = await client.StoreAsync("/teams/1", Key))
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        using (var limited = await client.StoreAsync("/users/1", "kfr_guess-1111111111111111111111111"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
            var retryAfter = limited.Headers.RetryAfter?.Delta;
            Assert.NotNull(retryAfter);
            Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
            Assert.StartsWith("Too many failed attempts from this client", await limited.ProblemMessageAsync(), StringComparison.Ordinal);
        }
        // Still limited while the window lasts, whatever the failure.
        using (var stillLimited = await client.SendAsync(HttpMethod.Delete, "/assets/users/1", key: null))
            Assert.Equal(HttpStatusCode.TooManyRequests, stillLimited.StatusCode);

        // Valid requests take no permit and are never limited, before or after the limit is reached.
        for (var i = 0; i < 5; i++)
        {
            using var stored = await client.StoreAsync("/users/1", Key);
            Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
        }

        var metrics = await client.GetStringAsync("/metrics");
        Assert.Contains("konifer_auth_failures_total{reason=\"missing\"} 2", metrics, StringComparison.Ordinal);
        Assert.Contains("konifer_auth_failures_total{reason=\"invalid\"} 2", metrics, StringComparison.Ordinal);
        Assert.Contains("konifer_auth_failures_total{reason=\"forbidden\"} 1", metrics, StringComparison.Ordinal);
    }
}
