using System.Net;
using Konifer.Tests.TestSupport;
using Konifer.Variants;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Konifer.Tests.Http;

/// <summary>
/// Idle expiry end to end on a server whose clock the test moves: a variant nobody asked for within the window is
/// reaped (record and file), one that was served meanwhile lives on. The reaper's own timer follows the moved clock
/// too, so the test also runs it on demand and asserts what is left rather than how many a run removed.
/// </summary>
public sealed class IdleExpiryTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private KoniferTestServer _server = null!;

    public async Task InitializeAsync() => _server = await KoniferTestServer.StartAsync("""
        data-store.provider = in-memory
        object-store { provider = filesystem, filesystem.mount-path = "{mount}" }
        paths { "/idle/**" { transform.expire { strategy = idle, ttl = 1h } } }
        """, services: services => services.AddSingleton<TimeProvider>(_clock));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private Task<int> Reap() => _server.Services.GetRequiredService<VariantExpirationReaper>().ReapOnceAsync(CancellationToken.None);

    private async Task<string> CacheStatus(string url)
    {
        using var response = await _server.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.GetValues("K-Cache-Status").Single();
    }

    private async Task<Dictionary<int, string>> VariantKeysByWidth()
    {
        var info = await _server.Client.GetJsonAsync("/assets/idle/a/-/info");
        return info.GetProperty("variants").EnumerateArray()
            .Where(v => !v.GetProperty("isOriginalVariant").GetBoolean())
            .ToDictionary(v => v.GetProperty("attributes").GetProperty("width").GetInt32(), v => v.GetProperty("storeKey").GetString()!);
    }

    private string FileOf(string key) => Path.Combine(_server.MountPath, "assets", key);

    [Fact]
    public async Task An_untouched_variant_is_reaped_with_its_file_while_a_touched_one_survives()
    {
        await _server.Client.StoreAsync("/idle/a", TestImages.Gradient(80, 40));
        Assert.Equal("miss", await CacheStatus("/assets/idle/a/-/content?w=10"));
        Assert.Equal("miss", await CacheStatus("/assets/idle/a/-/content?w=20"));
        var keys = await VariantKeysByWidth();
        Assert.Equal([10, 20], keys.Keys.Order());
        Assert.All(keys.Values, key => Assert.True(File.Exists(FileOf(key))));

        // 40 minutes on, only w=10 is used: its window starts again from now.
        _clock.Advance(TimeSpan.FromMinutes(40));
        Assert.Equal("hit", await CacheStatus("/assets/idle/a/-/content?w=10"));
        await Reap();
        Assert.Equal([10, 20], (await VariantKeysByWidth()).Keys.Order());

        // 70 minutes after creation: w=20 has been idle for more than its hour, w=10 only for 30 minutes.
        _clock.Advance(TimeSpan.FromMinutes(30));
        await Reap();

        Assert.Equal([10], (await VariantKeysByWidth()).Keys);
        await Eventually.UntilAsync(() => Task.FromResult(File.Exists(FileOf(keys[20]))), exists => !exists,
            TimeSpan.FromSeconds(15), "Deleting the reaped variant's file");
        Assert.True(File.Exists(FileOf(keys[10])));
        Assert.Equal("hit", await CacheStatus("/assets/idle/a/-/content?w=10"));
        Assert.Equal("miss", await CacheStatus("/assets/idle/a/-/content?w=20"));
    }

    [Fact]
    public async Task A_variant_served_just_before_its_window_ends_is_not_reaped_when_it_would_have_ended()
    {
        await _server.Client.StoreAsync("/idle/a", TestImages.Gradient(80, 40));
        Assert.Equal("miss", await CacheStatus("/assets/idle/a/-/content?w=10"));

        _clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal("hit", await CacheStatus("/assets/idle/a/-/content?w=10"));
        _clock.Advance(TimeSpan.FromMinutes(59));
        await Reap();
        Assert.Equal([10], (await VariantKeysByWidth()).Keys);

        // Left alone for another hour and more, it goes.
        _clock.Advance(TimeSpan.FromMinutes(2));
        await Reap();
        Assert.Empty(await VariantKeysByWidth());
    }
}
