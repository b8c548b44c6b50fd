using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Http;

/// <summary>The raw JSON text on the embedded stores (Faults/ProductionHealthTests runs it on PostgreSQL and S3).</summary>
public sealed class JsonTextTests
{
    [Theory]
    [InlineData(KoniferTestServer.InMemoryConfig)]
    [InlineData(KoniferTestServer.FileSystemConfig)]
    public async Task Json_is_written_as_text_without_nulls(string config)
    {
        await using var server = await KoniferTestServer.StartAsync(config);
        await JsonTextWalk.RunAsync(server.Client, "/json/text");
    }

    [Fact]
    public async Task The_deprecated_health_alias_keeps_its_body()
    {
        await using var server = await KoniferTestServer.StartAsync();
        using var response = await server.Client.GetAsync("/health");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"status\":\"okay\"}", await response.Content.ReadAsStringAsync());
    }
}
