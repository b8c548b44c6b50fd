using System.Net;
using Konifer.Core.Storage;
using Konifer.Variants;
using Microsoft.Extensions.DependencyInjection;
using NetVips;

namespace Konifer.Tests.TestSupport;

/// <summary>
/// Variant retention over HTTP on a server whose path <c>/cap/**</c> keeps two variants per asset: the least used
/// of three is evicted when the third is generated, its object is deleted by the worker, and asking for it again
/// generates it again (evicting the then least used). Shared by the tests of every store configuration.
/// </summary>
public static class EvictionWalk
{
    public const string Paths = """paths { "/cap/**" { transform.retention.cache.max-variants = 2 } }""";

    public static async Task RunAsync(KoniferTestServer server)
    {
        var client = server.Client;
        await client.StoreAsync("/cap/a", TestImages.Gradient(80, 40));
        Assert.Equal("miss", await FetchAsync(client, 10));
        Assert.Equal("miss", await FetchAsync(client, 20));
        // w=10 is used three times in all, w=20 once (its generation): w=20 is the least valuable.
        Assert.Equal("hit", await FetchAsync(client, 10));
        Assert.Equal("hit", await FetchAsync(client, 10));
        await FlushAccessesAsync(server);
        var before = await VariantsByWidthAsync(client);
        Assert.Equal([10, 20], before.Keys.Order());

        Assert.Equal("miss", await FetchAsync(client, 30));

        Assert.Equal([10, 30], (await VariantsByWidthAsync(client)).Keys.Order());
        var objects = server.Services.GetRequiredService<IObjectStore>();
        await Eventually.UntilAsync(() => objects.ExistsAsync(before[20], CancellationToken.None), exists => !exists,
            TimeSpan.FromSeconds(15), "Deleting the evicted variant's object");
        Assert.True(await objects.ExistsAsync(before[10], CancellationToken.None));

        // Asked for again, it is a miss and generated anew; now w=30 (one use) goes and w=10 (three) stays.
        Assert.Equal("miss", await FetchAsync(client, 20));
        Assert.Equal([10, 20], (await VariantsByWidthAsync(client)).Keys.Order());
        Assert.Equal("hit", await FetchAsync(client, 20));
    }

    private static Task FlushAccessesAsync(KoniferTestServer server) =>
        server.Services.GetRequiredService<VariantAccessFlusher>().FlushAsync(CancellationToken.None);

    /// <summary>Fetches the variant <c>w</c> wide, checks the decoded image, and answers its cache status.</summary>
    private static async Task<string> FetchAsync(HttpClient client, int width)
    {
        using var response = await client.GetAsync($"/assets/cap/a/-/content?w={width}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var image = Image.NewFromBuffer(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal((width, width / 2), (image.Width, image.Height));
        return response.Headers.GetValues("K-Cache-Status").Single();
    }

    private static async Task<Dictionary<int, ObjectLocation>> VariantsByWidthAsync(HttpClient client)
    {
        var info = await client.GetJsonAsync("/assets/cap/a/-/info");
        return info.GetProperty("variants").EnumerateArray()
            .Where(v => !v.GetProperty("isOriginalVariant").GetBoolean())
            .ToDictionary(v => v.GetProperty("attributes").GetProperty("width").GetInt32(),
                v => new ObjectLocation(v.GetProperty("storeBucket").GetString()!, v.GetProperty("storeKey").GetString()!));
    }
}
