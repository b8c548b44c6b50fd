using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Http;

public sealed class OpenApiDocumentTests
{
    [Fact]
    public async Task Dump()
    {
        await using var server = await KoniferTestServer.StartAsync();
        var text = await server.Client.GetStringAsync("/openapi/v1.json");
        await File.WriteAllTextAsync("/tmp/openapi-dump.json", text);
    }
}
