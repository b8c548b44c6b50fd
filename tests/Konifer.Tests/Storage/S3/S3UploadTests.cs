using Amazon.S3;
using Konifer.Core.Storage;
using Konifer.Storage.Objects.S3;

namespace Konifer.Tests.Storage.S3;

[Collection(S3Collection.Name)]
public sealed class S3UploadTests(S3Server server)
{
    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private (S3ObjectStore Store, RecordingHttpClientFactory Http) RecordingStore()
    {
        var http = new RecordingHttpClientFactory();
        var config = S3ClientFactory.CreateConfig(server.Settings);
        config.HttpClientFactory = http;
        var client = new AmazonS3Client(S3ClientFactory.CreateCredentials(server.Settings), config);
        return (new S3ObjectStore(client), http);
    }

    private static async Task<byte[]> ReadBackAsync(S3ObjectStore store, ObjectLocation location)
    {
        await using var stored = await store.GetAsync(location, CancellationToken.None);
        Assert.NotNull(stored);
        using var copy = new MemoryStream();
        await stored.Content.CopyToAsync(copy);
        Assert.Equal(copy.Length, stored.Length);
        return copy.ToArray();
    }

    [Fact]
    public async Task A_12MB_stream_of_unknown_length_goes_up_in_parts_and_reads_back_identical()
    {
        var (store, http) = RecordingStore();
        using var _ = store;
        var content = RandomBytes(12 * 1024 * 1024, seed: 21);
        var location = new ObjectLocation(S3Server.Bucket, Guid.NewGuid().ToString("N") + ".jpeg");

        await store.PutAsync(location, new UploadStream(content), length: null, "image/jpeg", CancellationToken.None);

        var path = $"/{S3Server.Bucket}/{location.Key}";
        var sent = http.Requests.ToArray();
        Assert.Single(sent, r => r == $"POST {path}?uploads");
        Assert.Equal(2, sent.Count(r => r.StartsWith($"PUT {path}?", StringComparison.Ordinal) && r.Contains("partNumber=", StringComparison.Ordinal)));
        Assert.Single(sent, r => r.StartsWith($"POST {path}?uploadId=", StringComparison.Ordinal));
        Assert.DoesNotContain($"PUT {path}", sent);
        var stored = await ReadBackAsync(store, location);
        Assert.True(content.AsSpan().SequenceEqual(stored), "The stored bytes differ from the uploaded ones.");
    }

    [Fact]
    public async Task A_small_object_is_one_plain_put_with_its_content_type()
    {
        var (store, http) = RecordingStore();
        using var _ = store;
        var content = RandomBytes(70_000, seed: 22);
        var location = new ObjectLocation(S3Server.Bucket, Guid.NewGuid().ToString("N") + ".png");

        await store.PutAsync(location, new UploadStream(content), content.Length, "image/png", CancellationToken.None);

        Assert.Equal([$"PUT /{S3Server.Bucket}/{location.Key}"], http.Requests.ToArray());
        using var client = server.CreateClient();
        var head = await client.GetObjectMetadataAsync(S3Server.Bucket, location.Key);
        Assert.Equal("image/png", head.Headers.ContentType);
        Assert.Equal(content, await ReadBackAsync(store, location));
    }

    /// <remarks>s3rver answers the abort with MethodNotAllowed (and cannot list uploads), so what we can see is that the
    /// store asks for it, and that the failure the caller gets is the source's.</remarks>
    [Fact]
    public async Task A_multipart_upload_whose_source_fails_is_aborted_and_leaves_nothing()
    {
        var (store, http) = RecordingStore();
        using var _ = store;
        var content = RandomBytes(12 * 1024 * 1024, seed: 23);
        var location = new ObjectLocation(S3Server.Bucket, Guid.NewGuid().ToString("N") + ".jpeg");

        await Assert.ThrowsAsync<IOException>(() =>
            store.PutAsync(location, UploadStream.FailingAfter(content, 10 * 1024 * 1024), null, "image/jpeg", CancellationToken.None));

        Assert.Single(http.Requests, r => r.StartsWith($"DELETE /{S3Server.Bucket}/{location.Key}?uploadId=", StringComparison.Ordinal));
        Assert.False(await store.ExistsAsync(location, CancellationToken.None));
    }
}
