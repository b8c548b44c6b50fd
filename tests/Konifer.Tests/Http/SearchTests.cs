using System.Net;
using Konifer.Rules;
using Konifer.Tests.Inference;
using Konifer.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using static Konifer.Tests.TestSupport.SearchWalk;

namespace Konifer.Tests.Http;

/// <summary>
/// <c>GET /assets/{path}/-/search</c> end to end on the embedded stores with the tiny SigLIP2 model
/// (Faults/ProductionSearchTests runs it on PostgreSQL, with two instances and the backfill).
/// </summary>
[Collection(Siglip2Collection.Name)]
public sealed class SearchTests(TinySiglip2 model)
{
    private Task<KoniferTestServer> StartAsync(Action<IServiceCollection>? services = null) =>
        KoniferTestServer.StartAsync(KoniferTestServer.FileSystemConfig + "\n" + Config(model.Directory), services: services);

    [Fact]
    public async Task A_text_query_ranks_the_subtree_white_then_grey_then_black_with_each_entry_as_info_answers_it()
    {
        await using var server = await StartAsync();
        await server.Client.StoreAsync("/photos/dark", Black);
        await server.Client.StoreAsync("/photos/a/b/light", White, new { alt = "white", labels = new { tone = "light" } });
        await server.Client.StoreAsync("/photos/mid", Grey);
        await server.Client.StoreAsync("/elsewhere/light", White);

        var results = await SearchAsync(server.Client, "/assets/photos/-/search?q=a+bright+picture");

        Assert.Equal(["/photos/a/b/light", "/photos/mid", "/photos/dark"], ResultPaths(results));
        var scores = results.Select(r => r.GetProperty("score").GetDouble()).ToArray();
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.All(scores, s => Assert.InRange(s, -1, 1));
        var info = await server.Client.GetJsonAsync("/assets/photos/a/b/light/-/info");
        foreach (var property in info.EnumerateObject())
            Assert.Equal(property.Value.GetRawText(), results[0].GetProperty(property.Name).GetRawText());
        Assert.Equal("light", results[0].GetProperty("labels").GetProperty("tone").GetString());
    }

    [Fact]
    public async Task Similar_to_ranks_by_an_entrys_image_leaving_it_out()
    {
        await using var server = await StartAsync();
        var white = await server.Client.StoreAsync("/photos", White);
        await server.Client.StoreAsync("/photos/b", Black);
        await server.Client.StoreAsync("/photos/a", NearWhite);
        await server.Client.StoreAsync("/photos/c", Grey);

        var results = await SearchAsync(server.Client, $"/assets/photos/-/search?similar-to={white.GetProperty("entryId").GetInt64()}");

        Assert.Equal(["/photos/a", "/photos/c", "/photos/b"], ResultPaths(results));
        Assert.True(results[0].GetProperty("score").GetDouble() > 0.99);
    }

    [Fact]
    public async Task Only_the_subtree_is_searched_the_limit_holds_and_deleted_entries_are_gone()
    {
        await using var server = await StartAsync();
        await server.Client.StoreAsync("/photos/a", White);
        await server.Client.StoreAsync("/photos/a/inner", Grey);
        await server.Client.StoreAsync("/photos/ab", White); // starts like /photos/a, not below it
        await server.Client.StoreAsync("/photos/b", Black);

        Assert.Equal(["/photos/a", "/photos/a/inner"], ResultPaths(await SearchAsync(server.Client, "/assets/photos/a/-/search?q=x")));
        Assert.Single(await SearchAsync(server.Client, "/assets/photos/-/search?q=x&limit=1"));
        Assert.Equal(4, (await SearchAsync(server.Client, "/assets/photos/-/search?q=x&limit=100")).Length);

        using var deleted = await server.Client.DeleteAsync("/assets/photos/a/-/recursive");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(["/photos/ab", "/photos/b"], ResultPaths(await SearchAsync(server.Client, "/assets/photos/-/search?q=x")));
    }

    [Theory]
    [InlineData("/assets/photos/-/search", "q=<text>")]
    [InlineData("/assets/photos/-/search?q=%20", "q=<text>")]
    [InlineData("/assets/photos/-/search?q=x&similar-to=0", "either q or similar-to")]
    [InlineData("/assets/photos/-/search?q=x&limit=0", "limit")]
    [InlineData("/assets/photos/-/search?q=x&limit=101", "limit")]
    [InlineData("/assets/photos/-/search?q=x&limit=ten", "limit")]
    [InlineData("/assets/photos/-/search?similar-to=first", "similar-to")]
    [InlineData("/assets/photos/-/search?q=x&w=10", "'w'")]
    [InlineData("/assets/elsewhere/-/search?q=x", "search.enabled = true")]
    [InlineData("/assets/photos/hidden/-/search?q=x", "search.enabled = true")]
    public async Task Bad_searches_are_400_with_a_message_that_says_what_to_change(string url, string expected)
    {
        await using var server = await StartAsync();

        var message = await RefusedAsync(server.Client, url);

        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_similar_to_entry_is_404()
    {
        await using var server = await StartAsync();
        await server.Client.StoreAsync("/photos", White);

        var message = await RefusedAsync(server.Client, "/assets/photos/-/search?similar-to=7", HttpStatusCode.NotFound);

        Assert.Contains("7", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_whose_embedding_fails_is_still_stored_and_similar_to_it_is_400_until_the_backfill_runs()
    {
        await using var server = await StartAsync(services => services.AddSingleton<IImageEmbedder>(sp => new FailingOnce(sp)));

        var stored = await server.Client.StoreAsync("/photos", White);
        await server.Client.StoreAsync("/photos/a", Black);

        Assert.Equal(["/photos/a"], ResultPaths(await SearchAsync(server.Client, "/assets/photos/-/search?q=x")));
        var message = await RefusedAsync(server.Client, $"/assets/photos/-/search?similar-to={stored.GetProperty("entryId").GetInt64()}");
        Assert.Contains("no image embedding yet", message, StringComparison.Ordinal);

        await server.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<Konifer.Search.SearchBackfill>().Single()
            .BackfillOnceAsync(CancellationToken.None);
        Assert.Equal(["/photos", "/photos/a"], ResultPaths(await SearchAsync(server.Client, "/assets/photos/-/search?q=x")));
    }

    [Fact]
    public async Task An_upload_screened_by_rules_is_searchable_with_one_run_of_the_image_tower()
    {
        var counting = new Counting();
        await using var server = await StartAsync(services => services.AddSingleton<IImageEmbedder>(sp => counting.Over(sp)));

        await server.Client.StoreAsync("/screened/a", Black);
        Assert.Equal(1, counting.Calls);
        await server.Client.StoreAsync("/photos/a", Black); // no rules: one run for search
        Assert.Equal(2, counting.Calls);

        Assert.Equal(["/screened/a"], ResultPaths(await SearchAsync(server.Client, "/assets/screened/-/search?q=x")));
    }

    [Fact]
    public async Task The_search_appears_in_the_api_document()
    {
        await using var server = await StartAsync();

        var document = await server.Client.GetStringAsync("/openapi/v1.json");

        Assert.Contains("similar-to", document, StringComparison.Ordinal);
    }

    private static Konifer.Inference.Siglip2ImageEmbedder Real(IServiceProvider services) =>
        new(services.GetRequiredService<Konifer.Inference.Siglip2Runtime>());

    /// <summary>The real image tower, but its first run fails.</summary>
    private sealed class FailingOnce(IServiceProvider services) : IImageEmbedder
    {
        private readonly IImageEmbedder inner = Real(services);
        private int calls;

        public string Model => inner.Model;

        public Task<float[]> EmbedImageAsync(string imageFile, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref calls) == 1
                ? Task.FromException<float[]>(new InvalidOperationException("the model failed"))
                : inner.EmbedImageAsync(imageFile, cancellationToken);
    }

    private sealed class Counting
    {
        private int calls;

        public int Calls => calls;

        public IImageEmbedder Over(IServiceProvider services) => new Counter(Real(services), this);

        private sealed class Counter(IImageEmbedder inner, Counting owner) : IImageEmbedder
        {
            public string Model => inner.Model;

            public Task<float[]> EmbedImageAsync(string imageFile, CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref owner.calls);
                return inner.EmbedImageAsync(imageFile, cancellationToken);
            }
        }
    }
}
