using System.Net;
using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Http;

/// <summary>Deletes on the filesystem store, so that the removal of content is visible on disk.</summary>
public sealed class DeleteAssetTests : IAsyncLifetime
{
    private KoniferTestServer _server = null!;
    private HttpClient Client => _server.Client;
    private readonly byte[] _png = TestImages.Solid(6, 6, 9, 9, 9);

    public async Task InitializeAsync() => _server = await KoniferTestServer.StartAsync(KoniferTestServer.FileSystemConfig);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<long[]> EntriesAt(string path)
    {
        var all = await Client.GetJsonAsync("/assets" + path + "/-/entries?limit=-1");
        return all.GetProperty("entries").EnumerateArray().Select(a => a.GetProperty("entryId").GetInt64()).Order().ToArray();
    }

    private async Task Delete(string url)
    {
        using var response = await Client.DeleteAsync(url);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task Delete_by_entry_removes_only_that_entry_and_later_its_file()
    {
        var stored = await Client.StoreAsync("/del/entry", _png);
        await Client.StoreAsync("/del/entry", _png);
        var key = stored.GetProperty("variants")[0].GetProperty("storeKey").GetString()!;
        var file = Path.Combine(_server.MountPath, "assets", key);
        Assert.True(File.Exists(file));

        await Delete("/assets/del/entry/-/entry/0");

        Assert.Equal(new long[] { 1L }, await EntriesAt("/del/entry"));
        using var gone = await Client.GetAsync("/assets/del/entry/-/entry/0/content");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        await Eventually(() => !File.Exists(file));
    }

    [Fact]
    public async Task Delete_without_selectors_removes_the_newest_and_limit_minus_one_removes_all()
    {
        for (var i = 0; i < 4; i++) await Client.StoreAsync("/del/order", _png);
        await Delete("/assets/del/order");
        Assert.Equal(new long[] { 0L, 1L, 2L }, await EntriesAt("/del/order"));
        await Delete("/assets/del/order/-/new?limit=2");
        Assert.Equal(new long[] { 0L }, await EntriesAt("/del/order"));
        await Client.StoreAsync("/del/order", _png);
        await Delete("/assets/del/order?limit=-1");
        Assert.Empty(await EntriesAt("/del/order"));
        // Ids are never reused.
        Assert.Equal(5, (await Client.StoreAsync("/del/order", _png)).GetProperty("entryId").GetInt64());
    }

    [Fact]
    public async Task Delete_by_labels_touches_only_matches()
    {
        await Client.StoreAsync("/del/labels", _png, new { labels = new { kind = "a" } });
        await Client.StoreAsync("/del/labels", _png, new { labels = new { kind = "b" } });
        await Client.StoreAsync("/del/labels", _png, new { labels = new { kind = "a" } });
        await Delete("/assets/del/labels?kind=a&limit=-1");
        Assert.Equal(new long[] { 1L }, await EntriesAt("/del/labels"));
    }

    [Fact]
    public async Task Recursive_delete_removes_the_subtree_but_not_siblings()
    {
        await Client.StoreAsync("/tree/a", _png);
        await Client.StoreAsync("/tree/a/b", _png);
        await Client.StoreAsync("/tree/a/b/c", _png);
        await Client.StoreAsync("/tree/ab", _png);
        await Client.StoreAsync("/tree/x", _png);
        await Delete("/assets/tree/a/-/recursive");
        Assert.Empty(await EntriesAt("/tree/a"));
        Assert.Empty(await EntriesAt("/tree/a/b"));
        Assert.Empty(await EntriesAt("/tree/a/b/c"));
        Assert.Equal(new long[] { 0L }, await EntriesAt("/tree/ab"));
        Assert.Equal(new long[] { 0L }, await EntriesAt("/tree/x"));
        await Eventually(() => Directory.GetFiles(Path.Combine(_server.MountPath, "assets")).Length == 2);
    }

    [Fact]
    public async Task Deleting_nothing_is_still_204()
    {
        await Delete("/assets/never/stored");
        await Delete("/assets/never/stored/-/entry/3");
    }

    [Theory]
    [InlineData("/assets/del/x/-/content", "Invalid delete selectors")]
    [InlineData("/assets/del/x/-/entry/abc", "Entry id 'abc'")]
    [InlineData("/assets/del/x?w=10", "not allowed when deleting")]
    [InlineData("/assets/del/x/-/recursive?limit=2", "cannot be combined with recursive")]
    public async Task Bad_deletes_are_400(string url, string message)
    {
        using var response = await Client.DeleteAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.ProblemMessageAsync());
    }

    private static Task Eventually(Func<bool> condition) =>
        TestSupport.Eventually.UntilAsync(() => Task.FromResult(condition()), done => done, TimeSpan.FromSeconds(15), "The deletion");
}
