using Konifer.Tests.TestSupport;
using Konifer.Variants;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Konifer.Tests.Http;

/// <summary>
/// The expiry keys at their new place, <c>transform.retention.expire</c>, and the older <c>transform.expire</c>
/// (which <see cref="ExpirationTests"/> and <see cref="IdleExpiryTests"/> still use): both work, the older one with
/// one start-up warning.
/// </summary>
public sealed class RetentionKeysTests
{
    [Fact]
    public async Task Variants_expire_under_transform_retention_expire()
    {
        var logs = new CapturingLogProvider();
        await using var server = await KoniferTestServer.StartAsync("""
            data-store.provider = in-memory
            object-store.provider = in-memory
            paths { "/ttl/**" { transform.retention.expire { strategy = ttl, ttl = 1s } } }
            """, services: s => s.AddSingleton<ILoggerProvider>(logs));
        await server.Client.StoreAsync("/ttl/a", TestImages.Gradient(40, 20));
        using (var first = await server.Client.GetAsync("/assets/ttl/a/-/content?w=10"))
            Assert.Equal("miss", first.Headers.GetValues("K-Cache-Status").Single());

        await Task.Delay(1100);
        await server.Services.GetRequiredService<VariantExpirationReaper>().ReapOnceAsync(CancellationToken.None);

        Assert.Equal(1, (await server.Client.GetJsonAsync("/assets/ttl/a/-/info")).GetProperty("variants").GetArrayLength());
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains("deprecated", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_up_warns_for_each_block_that_uses_transform_expire()
    {
        var logs = new CapturingLogProvider();
        await using var server = await KoniferTestServer.StartAsync("""
            data-store.provider = in-memory
            object-store.provider = in-memory
            paths {
              "/old/**" { transform.expire { strategy = ttl, ttl = 1h } }
              "/older/**" { transform.expire { strategy = idle, ttl = 1h } }
              "/new/**" { transform.retention.expire { strategy = ttl, ttl = 1h } }
            }
            """, services: s => s.AddSingleton<ILoggerProvider>(logs));

        var warnings = logs.Entries.Where(e => e.Level == LogLevel.Warning && e.Message.Contains("deprecated", StringComparison.Ordinal))
            .Select(e => e.Message).Order().ToArray();
        Assert.Equal([
            "Configuration: paths.\"/old/**\".transform.expire: is deprecated: write transform.retention.expire instead (the same strategy and ttl)",
            "Configuration: paths.\"/older/**\".transform.expire: is deprecated: write transform.retention.expire instead (the same strategy and ttl)",
        ], warnings);
    }
}
