using System.Collections.Concurrent;
using System.Diagnostics;
using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Observability;

/// <summary>What a trace of a cache miss shows: the generation, with the object store calls it made inside it.</summary>
public sealed class TraceTests
{
    [Fact]
    public async Task A_miss_is_a_generation_span_with_the_object_store_get_and_put_as_its_children()
    {
        var spans = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Konifer",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        await using var server = await KoniferTestServer.StartAsync(KoniferTestServer.FileSystemConfig);
        var id = Guid.NewGuid().ToString("N");
        var path = "/traces/" + id;
        await server.Client.StoreAsync(path, TestImages.Gradient(40, 30));

        using var miss = await server.Client.GetAsync($"/assets{path}/-/content?w=20&format=webp");
        await miss.Content.ReadAsByteArrayAsync();

        var generation = Assert.Single(spans, s => s.OperationName == "konifer.generate" && ((string?)s.GetTagItem("konifer.path"))?.Contains(id, StringComparison.Ordinal) == true);
        Assert.Equal("webp", generation.GetTagItem("konifer.format"));
        var children = spans.Where(s => s.ParentSpanId == generation.SpanId).Select(s => s.OperationName).ToList();
        Assert.Contains("konifer.object-store.get", children);
        Assert.Contains("konifer.object-store.put", children);
        var put = spans.First(s => s.ParentSpanId == generation.SpanId && s.OperationName == "konifer.object-store.put");
        Assert.Equal("filesystem", put.GetTagItem("konifer.object-store.provider"));
    }
}
