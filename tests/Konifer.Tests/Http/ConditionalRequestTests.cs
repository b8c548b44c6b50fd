using System.Net;
using System.Net.Http.Headers;
using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Http;

public sealed class ConditionalRequestTests : IAsyncLifetime
{
    private KoniferTestServer _server = null!;
    private HttpClient Client => _server.Client;

    public async Task InitializeAsync()
    {
        _server = await KoniferTestServer.StartAsync();
        await Client.StoreAsync("/photos/a", TestImages.Gradient(40, 20), new { alt = "first" });
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<(HttpResponseMessage Response, byte[] Body)> Send(string url, HttpMethod? method = null, Action<HttpRequestHeaders>? headers = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, url);
        headers?.Invoke(request.Headers);
        var response = await Client.SendAsync(request);
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    private async Task<string> ETagOf(string url)
    {
        var (response, _) = await Send(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.ETag!.ToString();
    }

    [Fact]
    public async Task Content_has_a_strong_etag_stable_across_requests_and_formats_that_serve_the_same_bytes()
    {
        var (first, bytes) = await Send("/assets/photos/a/-/content");
        var etag = first.Headers.ETag!;
        Assert.False(etag.IsWeak);
        Assert.Matches("^\"[0-9a-f]{32}\"$", etag.Tag);
        Assert.NotNull(first.Content.Headers.LastModified);
        Assert.Equal((40, 20), (TestImages.Read(bytes).Width, TestImages.Read(bytes).Height));

        Assert.Equal(etag.ToString(), await ETagOf("/assets/photos/a/-/content"));
        Assert.Equal(etag.ToString(), await ETagOf("/assets/photos/a/-/entry/0/download"));
        Assert.Equal(etag.ToString(), await ETagOf("/assets/photos/a/-/redirect")); // its 307, followed, leads to the content
    }

    [Fact]
    public async Task Each_variant_has_its_own_etag()
    {
        var original = await ETagOf("/assets/photos/a/-/content");
        var small = await ETagOf("/assets/photos/a/-/content?w=20");
        var webp = await ETagOf("/assets/photos/a/-/content?w=20&format=webp");
        Assert.Equal(3, new[] { original, small, webp }.Distinct().Count());
        Assert.Equal(small, await ETagOf("/assets/photos/a/-/content?w=20&h=10")); // the same variant, normalized
    }

    [Fact]
    public async Task A_put_rotates_the_etag_and_the_old_one_no_longer_matches()
    {
        await Client.StoreAsync("/photos/put", TestImages.Solid(8, 8, 9, 9, 9), new { alt = "before" });
        var before = await ETagOf("/assets/photos/put/-/content");
        var infoBefore = await ETagOf("/assets/photos/put/-/info");
        await Task.Delay(5);
        using var put = await Client.PutAsync("/assets/photos/put/-/entry/0", AssetRequests.Json(new { alt = "after" }));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var (response, body) = await Send("/assets/photos/put/-/content", headers: h => h.IfNoneMatch.ParseAdd(before));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(body);
        Assert.NotEqual(before, response.Headers.ETag!.ToString());
        Assert.Equal("after", response.Headers.GetValues("K-Alt").Single());
        Assert.NotEqual(infoBefore, await ETagOf("/assets/photos/put/-/info"));
    }

    [Theory]
    [InlineData("{0}")]
    [InlineData("\"nope\", {0}")]
    [InlineData("*")]
    [InlineData("W/{0}")] // If-None-Match compares weakly
    public async Task A_matching_if_none_match_is_304_without_a_body(string headerTemplate)
    {
        var etag = await ETagOf("/assets/photos/a/-/content");
        var (response, body) = await Send("/assets/photos/a/-/content",
            headers: h => h.TryAddWithoutValidation("If-None-Match", string.Format(headerTemplate, etag)));
        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(body);
        Assert.Equal(etag, response.Headers.ETag!.ToString());
        Assert.Equal("hit", response.Headers.GetValues("K-Cache-Status").Single());
    }

    [Fact]
    public async Task A_non_matching_if_none_match_sends_the_content()
    {
        var (response, body) = await Send("/assets/photos/a/-/content", headers: h => h.IfNoneMatch.ParseAdd("\"0123\""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(40, TestImages.Read(body).Width);
    }

    [Fact]
    public async Task Head_answers_conditionals_too()
    {
        var etag = await ETagOf("/assets/photos/a/-/content");
        var (response, _) = await Send("/assets/photos/a/-/content", HttpMethod.Head, h => h.IfNoneMatch.ParseAdd(etag));
        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        var (plain, _) = await Send("/assets/photos/a/-/content", HttpMethod.Head);
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal(etag, plain.Headers.ETag!.ToString());
        Assert.True(plain.Content.Headers.ContentLength > 0);
    }

    [Fact]
    public async Task If_modified_since_is_304_when_not_modified_and_ignored_when_if_none_match_is_sent()
    {
        var (first, _) = await Send("/assets/photos/a/-/content");
        var lastModified = first.Content.Headers.LastModified!.Value;

        var (same, sameBody) = await Send("/assets/photos/a/-/content", headers: h => h.IfModifiedSince = lastModified);
        Assert.Equal(HttpStatusCode.NotModified, same.StatusCode);
        Assert.Empty(sameBody);

        var (older, olderBody) = await Send("/assets/photos/a/-/content", headers: h => h.IfModifiedSince = lastModified.AddSeconds(-1));
        Assert.Equal(HttpStatusCode.OK, older.StatusCode);
        Assert.NotEmpty(olderBody);

        var (both, _) = await Send("/assets/photos/a/-/content", headers: h =>
        {
            h.IfModifiedSince = lastModified.AddDays(1);
            h.IfNoneMatch.ParseAdd("\"other\"");
        });
        Assert.Equal(HttpStatusCode.OK, both.StatusCode);
    }

    [Fact]
    public async Task A_failed_if_match_is_412()
    {
        var etag = await ETagOf("/assets/photos/a/-/content");
        var (failed, _) = await Send("/assets/photos/a/-/content", headers: h => h.IfMatch.ParseAdd("\"other\""));
        Assert.Equal(HttpStatusCode.PreconditionFailed, failed.StatusCode);
        Assert.Contains("precondition", await failed.ProblemMessageAsync());
        var (passed, _) = await Send("/assets/photos/a/-/content", headers: h => h.IfMatch.ParseAdd(etag));
        Assert.Equal(HttpStatusCode.OK, passed.StatusCode);
    }

    [Theory]
    [InlineData("/assets/photos/a")]
    [InlineData("/assets/photos/a/-/link")] // kept on purpose, unlike the reference: docs/delivery.md
    [InlineData("/assets/photos/a/-/info")]
    [InlineData("/assets/photos/a/-/entries?limit=-1")]
    public async Task Link_and_info_have_a_weak_etag_that_revalidates(string url)
    {
        var (first, body) = await Send(url);
        var etag = first.Headers.ETag!;
        Assert.True(etag.IsWeak);
        Assert.Equal("application/json", first.Content.Headers.ContentType!.MediaType);
        Assert.NotEmpty(body);

        var (again, _) = await Send(url);
        Assert.Equal(etag, again.Headers.ETag);
        var (conditional, conditionalBody) = await Send(url, headers: h => h.IfNoneMatch.Add(etag));
        Assert.Equal(HttpStatusCode.NotModified, conditional.StatusCode);
        Assert.Empty(conditionalBody);
    }

    [Fact]
    public async Task Link_reports_the_cache_status_of_its_variant()
    {
        await Client.StoreAsync("/photos/link", TestImages.Solid(8, 8, 9, 9, 9));
        var (miss, _) = await Send("/assets/photos/link?w=4");
        Assert.Equal("miss", miss.Headers.GetValues("K-Cache-Status").Single());
        var (hit, _) = await Send("/assets/photos/link?w=4");
        Assert.Equal("hit", hit.Headers.GetValues("K-Cache-Status").Single());
    }
}
