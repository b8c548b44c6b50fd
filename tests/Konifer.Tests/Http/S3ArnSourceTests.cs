using System.Net;
using System.Text.Json;
using Konifer.Configuration;
using Konifer.Storage.Objects.S3;
using Konifer.Tests.Storage.S3;
using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Http;

/// <summary>
/// Storing from an S3 object ARN, end to end over HTTP, with the objects in the test run's s3rver (see
/// <see cref="ArnSourceServers"/>). Faults/ProductionArnSourceTests runs the import on PostgreSQL and S3.
/// </summary>
[Collection(S3Collection.Name)]
public sealed class S3ArnSourceTests(S3Server s3)
{
    private readonly byte[] _png = TestImages.Gradient(64, 48);

    private Task<KoniferTestServer> KoniferAsync(string config, string extra = "") =>
        ArnSourceServers.StartAsync(config + "\n" + extra, s3.CreateClient);

    private static async Task<(HttpStatusCode Status, string Message)> RefusedAsync(KoniferTestServer server, string arn)
    {
        return await StoredObjects.AssertNothingStoredAsync(server, "/imported/pic", async () =>
        {
            using var response = await server.Client.PostAsync("/assets/imported/pic", ArnSourceServers.ArnRequest(arn));
            return (response.StatusCode, await response.ProblemMessageAsync());
        });
    }

    [Theory]
    [InlineData(KoniferTestServer.InMemoryConfig)]
    [InlineData(KoniferTestServer.FileSystemConfig)]
    public async Task An_object_is_imported_and_recorded_as_an_arn_source(string config)
    {
        await using var server = await KoniferAsync(config);
        var arn = await ArnSourceServers.PutAsync(s3, _png);

        using var response = await server.Client.PostAsync("/assets/imported/pic", ArnSourceServers.ArnRequest(arn, "From S3"));

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var asset = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("arn", asset.GetProperty("source").GetString());
        Assert.Equal(arn, asset.GetProperty("sourceUrl").GetString());
        Assert.Equal("From S3", asset.GetProperty("alt").GetString());
        Assert.Equal("s3", asset.GetProperty("labels").GetProperty("from").GetString());
        var info = await server.Client.GetJsonAsync("/assets/imported/pic/-/info");
        Assert.Equal("arn", info.GetProperty("source").GetString());
        Assert.Equal(arn, info.GetProperty("sourceUrl").GetString());
        var content = await server.Client.GetByteArrayAsync("/assets/imported/pic/-/content");
        Assert.Equal(_png, content);
        var decoded = TestImages.Read(content);
        Assert.Equal(("pngload", 64, 48), (decoded.Loader, decoded.Width, decoded.Height));
    }

    [Fact]
    public async Task A_missing_object_is_400_S3_object_not_found()
    {
        await using var server = await KoniferAsync(KoniferTestServer.FileSystemConfig);
        var (status, message) = await RefusedAsync(server, $"arn:aws:s3:::{S3Server.OtherBucket}/no/such/{Guid.NewGuid():N}.png");
        Assert.Equal((HttpStatusCode.BadRequest, "S3 object not found"), (status, message));
    }

    [Fact]
    public async Task A_missing_bucket_is_400_rejected_by_S3()
    {
        await using var server = await KoniferAsync(KoniferTestServer.FileSystemConfig);
        var (status, message) = await RefusedAsync(server, $"arn:aws:s3:::no-such-bucket-{Guid.NewGuid():N}/a.png");
        Assert.Equal((HttpStatusCode.BadRequest, "Amazon S3 rejected the asset source"), (status, message));
    }

    [Fact]
    public async Task An_object_over_max_bytes_is_400_too_large()
    {
        await using var server = await KoniferAsync(KoniferTestServer.FileSystemConfig, $"source.url.max-bytes = {_png.Length - 1}");
        var arn = await ArnSourceServers.PutAsync(s3, _png);

        var (status, message) = await RefusedAsync(server, arn);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("Remote asset too large", message);
        Assert.Contains($"source.url.max-bytes ({_png.Length - 1} bytes)", message);
    }

    [Fact]
    public async Task An_object_of_exactly_max_bytes_is_imported()
    {
        await using var server = await KoniferAsync(KoniferTestServer.FileSystemConfig, $"source.url.max-bytes = {_png.Length}");
        var arn = await ArnSourceServers.PutAsync(s3, _png);
        using var response = await server.Client.PostAsync("/assets/imported/pic", ArnSourceServers.ArnRequest(arn));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task An_object_that_is_not_an_image_is_400()
    {
        await using var server = await KoniferAsync(KoniferTestServer.FileSystemConfig);
        var arn = await ArnSourceServers.PutAsync(s3, "just text, no image"u8.ToArray());
        var (status, message) = await RefusedAsync(server, arn);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("not a supported image", message);
    }

    [Fact]
    public async Task An_unreachable_S3_is_502_unavailable()
    {
        // Port 1 on loopback: nothing listens, so every attempt is refused at once.
        var closed = new S3Settings("http://127.0.0.1:1", "us-east-1", "S3RVER", "S3RVER", ForcePathStyle: true);
        await using var server = await ArnSourceServers.StartAsync(KoniferTestServer.FileSystemConfig, () => S3ClientFactory.Create(closed));
        var (status, message) = await RefusedAsync(server, $"arn:aws:s3:::{S3Server.OtherBucket}/a.png");
        Assert.Equal((HttpStatusCode.BadGateway, "Amazon S3 source is unavailable"), (status, message));
    }
}
