using System.Net;
using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Http;

/// <summary>
/// Content served from the filesystem store, which the endpoint reads straight from the file into the response:
/// the bytes, length and headers must match what a stream copy would send, over more than one read chunk.
/// </summary>
public sealed class FileContentTests : IAsyncLifetime
{
    private KoniferTestServer _server = null!;
    private HttpClient Client => _server.Client;
    // A JPEG of a gradient this size is a few hundred KB: several 64 KB chunks.
    private readonly byte[] _large = TestImages.Gradient(1200, 900, ".jpg[Q=100]");

    public async Task InitializeAsync()
    {
        _server = await KoniferTestServer.StartAsync(KoniferTestServer.FileSystemConfig);
        await Client.StoreAsync("/files/large", _large, new { alt = "large" });
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task An_original_larger_than_one_chunk_is_sent_whole()
    {
        Assert.True(_large.Length > 3 * 64 * 1024, $"the test image has only {_large.Length} bytes");

        using var response = await Client.GetAsync("/assets/files/large/-/content");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(_large.Length, response.Content.Headers.ContentLength);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("large", response.Headers.GetValues("K-Alt").Single());
        Assert.Equal(_large, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Head_sends_the_length_without_a_body()
    {
        using var response = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/assets/files/large/-/content"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(_large.Length, response.Content.Headers.ContentLength);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_cached_variant_is_served_from_its_file_with_the_same_bytes_as_when_generated()
    {
        const string url = "/assets/files/large/-/content?w=300&format=webp";
        using var miss = await Client.GetAsync(url);
        var generated = await miss.Content.ReadAsByteArrayAsync();

        using var hit = await Client.GetAsync(url);

        Assert.Equal("miss", miss.Headers.GetValues("K-Cache-Status").Single());
        Assert.Equal("hit", hit.Headers.GetValues("K-Cache-Status").Single());
        Assert.Equal(generated.Length, hit.Content.Headers.ContentLength);
        Assert.Equal(generated, await hit.Content.ReadAsByteArrayAsync());
        Assert.Equal(new ImageInfo("webpload", 300, 225), TestImages.Read(generated));
    }
}
