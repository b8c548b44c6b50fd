using System.Text.Json;
using Konifer.Core.Images;
using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Http;

/// <summary>Placeholders of variants over HTTP: a format change keeps the original's, a rotation or crop gets its own.</summary>
public sealed class PlaceholderReuseTests : IAsyncLifetime
{
    private KoniferTestServer _server = null!;

    public async Task InitializeAsync() => _server = await KoniferTestServer.StartAsync("""
        data-store.provider = in-memory
        object-store.provider = in-memory
        paths { "/lqip/**" { image.lqip = [blurhash, thumbhash] } }
        """);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<(string Blurhash, string Thumbhash)> PlaceholdersOf(string query)
    {
        // link generates the variant and answers with its placeholders; the headers of content must agree.
        var link = await _server.Client.GetJsonAsync("/assets/lqip/a/-/link" + query);
        var lqip = link.GetProperty("lqip");
        var placeholders = (lqip.GetProperty("blurhash").GetString()!, lqip.GetProperty("thumbhash").GetString()!);
        using var content = await _server.Client.GetAsync("/assets/lqip/a/-/content" + query);
        Assert.Equal(placeholders.Item1, content.Headers.GetValues("K-LQIP-Blurhash").Single());
        Assert.Equal(placeholders.Item2, content.Headers.GetValues("K-LQIP-Thumbhash").Single());
        return placeholders;
    }

    [Fact]
    public async Task A_format_change_keeps_the_originals_placeholders_and_a_rotation_or_crop_computes_new_ones()
    {
        // Red on the left, blue on the right: turning or cutting it changes what a placeholder shows.
        var stored = await _server.Client.StoreAsync("/lqip/a", TestImages.Gradient(200, 100));
        var lqip = stored.GetProperty("variants")[0].GetProperty("lqip");
        var original = (lqip.GetProperty("blurhash").GetString()!, lqip.GetProperty("thumbhash").GetString()!);
        Assert.False(string.IsNullOrEmpty(original.Item1));
        Assert.False(string.IsNullOrEmpty(original.Item2));

        var webp = await PlaceholdersOf("?format=webp");
        var rotated = await PlaceholdersOf("?r=90");
        var cropped = await PlaceholdersOf("?w=50&h=100&fit=crop");

        Assert.Equal(original, webp);
        Assert.NotEqual(original.Item1, rotated.Blurhash);
        Assert.NotEqual(original.Item2, rotated.Thumbhash);
        Assert.NotEqual(original.Item1, cropped.Blurhash);
        Assert.NotEqual(original.Item2, cropped.Thumbhash);

        // The new placeholders describe the new pixels: the rotated gradient runs red (top) to blue (bottom).
        var pixels = Konifer.LqipEncoders.BlurHash.Decode(rotated.Blurhash, 4, 4);
        var (top, bottom) = (pixels.AsSpan(0, 4).ToArray(), pixels.AsSpan(pixels.Length - 4, 4).ToArray());
        Assert.True(top[0] > top[2] && bottom[2] > bottom[0], JsonSerializer.Serialize(new { top, bottom }));
    }
}
