using Konifer.Tests.TestSupport;
using Konifer.Variants;
using Microsoft.Extensions.DependencyInjection;

namespace Konifer.Tests.Http;

/// <summary>Variant expiration per path, with the reaper run on demand instead of waiting for its timer.</summary>
public sealed class ExpirationTests : IAsyncLifetime
{
    private KoniferTestServer _server = null!;

    public async Task InitializeAsync() => _server = await KoniferTestServer.StartAsync("""
        data-store.provider = in-memory
        object-store { provider = filesystem, filesystem.mount-path = "{mount}" }
        paths {
          "/ttl/**" { transform.expire { strategy = ttl, ttl = 1s } }
          "/idle/**" { transform.expire { strategy = idle, ttl = 1h } }
        }
        """);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private Task<int> Reap() => _server.Services.GetRequiredService<VariantExpirationReaper>().ReapOnceAsync(CancellationToken.None);

    private async Task<int> VariantCount(string path) =>
        (await _server.Client.GetJsonAsync($"/assets{path}/-/info")).GetProperty("variants").GetArrayLength();

    [Fact]
    public async Task Ttl_variants_are_removed_with_their_files_after_they_expire()
    {
        await _server.Client.StoreAsync("/ttl/a", TestImages.Gradient(40, 20));
        using (var first = await _server.Client.GetAsync("/assets/ttl/a/-/content?w=10"))
            Assert.Equal("miss", first.Headers.GetValues("K-Cache-Status").Single());
        Assert.Equal(2, await VariantCount("/ttl/a"));
        var files = Path.Combine(_server.MountPath, "assets");
        Assert.Equal(2, Directory.GetFiles(files).Length);

        await Task.Delay(1100);
        Assert.True(await Reap() >= 1);

        Assert.Equal(1, await VariantCount("/ttl/a"));
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (Directory.GetFiles(files).Length != 1 && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.Single(Directory.GetFiles(files));
        using var again = await _server.Client.GetAsync("/assets/ttl/a/-/content?w=10");
        Assert.Equal("miss", again.Headers.GetValues("K-Cache-Status").Single());
    }

    [Fact]
    public async Task Idle_and_never_expiring_variants_stay()
    {
        await _server.Client.StoreAsync("/idle/a", TestImages.Gradient(40, 20));
        await _server.Client.StoreAsync("/forever/a", TestImages.Gradient(40, 20));
        (await _server.Client.GetAsync("/assets/idle/a/-/content?w=10")).Dispose();
        (await _server.Client.GetAsync("/assets/forever/a/-/content?w=10")).Dispose();

        await Reap();

        Assert.Equal(2, await VariantCount("/idle/a"));
        Assert.Equal(2, await VariantCount("/forever/a"));
    }
}
