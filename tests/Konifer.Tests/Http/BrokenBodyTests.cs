using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Http;

/// <summary>
/// Upload bodies that break off, lie about their size or trickle: each is the 4xx that says so (never a 500), and
/// nothing is stored.
/// </summary>
public sealed class BrokenBodyTests : IAsyncLifetime
{
    private const int MaxBytes = 300_000;
    private KoniferTestServer _server = null!;

    public async Task InitializeAsync() => _server = await KoniferTestServer.StartAsync($$"""
        data-store.provider = in-memory
        object-store { provider = filesystem, filesystem.mount-path = "{mount}" }
        source.multipart.max-bytes = {{MaxBytes}}
        """);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static byte[] MultipartHead(string boundary) => Encoding.ASCII.GetBytes(
        $"--{boundary}\r\nContent-Disposition: form-data; name=\"metadata\"\r\nContent-Type: application/json\r\n\r\n{{}}\r\n" +
        $"--{boundary}\r\nContent-Disposition: form-data; name=\"asset\"; filename=\"a.png\"\r\n\r\n");

    private Task<string> RefusedAsync(string path, HttpContent body, HttpStatusCode expected) =>
        StoredObjects.AssertNothingStoredAsync(_server, path, async () =>
        {
            using var response = await _server.Client.PostAsync("/assets" + path, body);
            Assert.Equal(expected, response.StatusCode);
            return await response.ProblemMessageAsync();
        });

    [Fact]
    public async Task A_multipart_body_without_its_closing_boundary_is_400()
    {
        var body = new ByteArrayContent([.. MultipartHead("XYZ"), .. TestImages.Gradient(40, 20)]);
        body.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=XYZ");

        Assert.Contains("closing boundary", await RefusedAsync("/broken/unclosed", body, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task A_body_declaring_more_than_the_limit_is_413_naming_the_key()
    {
        using var content = AssetRequests.Multipart(new byte[2_000_000]);
        await content.LoadIntoBufferAsync(); // a Content-Length, not chunked

        var message = await RefusedAsync("/broken/declared", content, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains($"source.multipart.max-bytes ({MaxBytes} bytes)", message);
    }

    [Fact]
    public async Task A_chunked_body_found_too_large_while_reading_is_413()
    {
        using var multipart = AssetRequests.Multipart(new byte[2_000_000]);
        var content = new StreamContent(new MemoryStream(await multipart.ReadAsByteArrayAsync()));
        content.Headers.ContentType = multipart.Headers.ContentType;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/assets/broken/chunked") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        await StoredObjects.AssertNothingStoredAsync(_server, "/broken/chunked", async () =>
        {
            using var response = await _server.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            return 0;
        });
    }

    [Fact]
    public async Task A_body_that_trickles_below_the_minimum_rate_is_408()
    {
        // Kestrel's minimum: 240 bytes a second after a 5 s grace period. This client sends one byte a second, over a
        // raw socket so that it can read the answer while it is still sending.
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(_server.BaseAddress.Host, _server.BaseAddress.Port);
        var stream = tcp.GetStream();
        var head = MultipartHead("XYZ");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            "POST /assets/broken/trickle HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=XYZ\r\n" +
            "Content-Length: 100000\r\n\r\n"));
        await stream.WriteAsync(head);
        var answer = ReadAnswerAsync(stream);
        for (var second = 0; second < 30 && !answer.IsCompleted; second++)
        {
            await Task.WhenAny(answer, Task.Delay(1000));
            try { await stream.WriteAsync(new byte[] { 0 }); }
            catch (IOException) { break; } // the server answered and closed
        }

        var text = await answer.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.StartsWith("HTTP/1.1 408", text);
        Assert.Contains("too slowly", text);
        Assert.Contains("\"type\":\"https://www.rfc-editor.org/rfc/rfc9110#section-15.5.9\"", text);
        Assert.Contains("\"title\":\"Request Timeout\"", text);
        Assert.Contains("Cache-Control: no-store", text);
        using var info = await _server.Client.GetAsync("/assets/broken/trickle/-/info");
        Assert.Equal(HttpStatusCode.NotFound, info.StatusCode);
    }

    private static async Task<string> ReadAnswerAsync(Stream stream)
    {
        var buffer = new byte[16 * 1024];
        var text = new StringBuilder();
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            text.Append(Encoding.UTF8.GetString(buffer, 0, read));
            if (text.ToString().Contains("\"message\"", StringComparison.Ordinal) && text.ToString().TrimEnd().EndsWith('}')) break;
        }
        return text.ToString();
    }
}
