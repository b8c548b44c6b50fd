using System.Net;
using System.Web;
using Konifer.Core.Storage;
using Konifer.Storage.Objects.S3;

namespace Konifer.Tests.Storage.S3;

[Collection(S3Collection.Name)]
public sealed class S3PresignedUrlTests(S3Server server) : IDisposable
{
    private readonly S3ObjectStore _store = new(server.CreateClient());
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public void Dispose()
    {
        _store.Dispose();
        _http.Dispose();
    }

    private async Task<(ObjectLocation Location, byte[] Content)> StoredObjectAsync()
    {
        var content = new byte[50_000];
        new Random(31).NextBytes(content);
        var location = new ObjectLocation(S3Server.Bucket, Guid.NewGuid().ToString("N") + ".webp");
        await _store.PutAsync(location, new UploadStream(content), content.Length, "image/webp", CancellationToken.None);
        return (location, content);
    }

    [Fact]
    public async Task A_presigned_url_serves_the_bytes_to_a_plain_http_client()
    {
        var (location, content) = await StoredObjectAsync();

        var before = DateTimeOffset.UtcNow;
        var presigned = await _store.TryPresignAsync(location, TimeSpan.FromMinutes(30), CancellationToken.None);

        Assert.NotNull(presigned);
        var url = presigned.Url;
        Assert.Equal(server.Endpoint.GetLeftPart(UriPartial.Authority), url.GetLeftPart(UriPartial.Authority));
        Assert.InRange(ExpiresSeconds(url), 1799, 1800); // whole seconds: the signing clock may tick in between
        // The expiry it reports is the one signed into the URL.
        Assert.Equal(SignedAt(url).AddSeconds(ExpiresSeconds(url)), presigned.ExpiresAt);
        // The SDK signs at a whole second and truncates the remaining lifetime: up to two seconds short of the TTL.
        Assert.InRange(presigned.ExpiresAt, before.AddMinutes(30).AddSeconds(-2), DateTimeOffset.UtcNow.AddMinutes(30));
        using var response = await _http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/webp", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(content, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_presigned_url_stops_working_when_its_ttl_has_passed()
    {
        var (location, _) = await StoredObjectAsync();

        var url = (await _store.TryPresignAsync(location, TimeSpan.FromSeconds(2), CancellationToken.None))?.Url;

        Assert.NotNull(url);
        Assert.InRange(ExpiresSeconds(url), 1, 2);
        await Task.Delay(TimeSpan.FromSeconds(3.5));
        using var response = await _http.GetAsync(url);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("expired", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_presigned_url_may_live_the_maximum_of_seven_days()
    {
        var (location, content) = await StoredObjectAsync();

        var url = (await _store.TryPresignAsync(location, TimeSpan.FromDays(7), CancellationToken.None))?.Url;

        Assert.NotNull(url);
        Assert.InRange(ExpiresSeconds(url), 7 * 24 * 3600 - 1, 7 * 24 * 3600);
        Assert.Equal(content, await _http.GetByteArrayAsync(url));
    }

    private static int ExpiresSeconds(Uri url) => int.Parse(HttpUtility.ParseQueryString(url.Query)["X-Amz-Expires"]!);

    private static DateTimeOffset SignedAt(Uri url) => DateTimeOffset.ParseExact(HttpUtility.ParseQueryString(url.Query)["X-Amz-Date"]!,
        "yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(7 * 24 * 3600 + 1)]
    public async Task A_ttl_outside_zero_to_seven_days_is_refused(int seconds)
    {
        var location = new ObjectLocation(S3Server.Bucket, "any.png");

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            _store.TryPresignAsync(location, TimeSpan.FromSeconds(seconds), CancellationToken.None).AsTask());
    }
}
