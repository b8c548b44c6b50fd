using System.Net;
using Konifer.Tests.TestSupport;
using static Konifer.Tests.Http.Auth.AuthRequests;

namespace Konifer.Tests.Http.Auth;

/// <summary><c>auth.require-for-reads = true</c>: GET and HEAD under /assets need the read scope on the path.</summary>
public sealed class ReadScopeTests
{
    private const string Writer = "kfr_writer-key-0123456789abcdefgh";
    private const string Reader = "kfr_reader-key-0123456789abcdefgh";

    private static readonly string Config = KoniferTestServer.InMemoryConfig + $$"""

        auth {
          enabled = true
          require-for-reads = true
          api-keys = [
            {{Entry("writer", Writer, "write", "\"/**\"")}}
            {{Entry("reader", Reader, "read", "\"/public/**\"")}}
          ]
        }
        """;

    [Fact]
    public async Task Reads_need_the_read_scope_on_the_path()
    {
        await using var server = await KoniferTestServer.StartAsync(Config);
        var client = server.Client;
        Assert.Equal(HttpStatusCode.Created, (await client.StoreAsync("/public/a", Writer)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.StoreAsync("/private/a", Writer)).StatusCode);

        using (var anonymous = await client.GetAsync("/assets/public/a"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Contains("the 'read' scope for /public/a", await anonymous.ProblemMessageAsync(), StringComparison.Ordinal);
        }
        using (var writerOnly = await client.SendAsync(HttpMethod.Get, "/assets/public/a/-/info", Writer))
        {
            Assert.Equal(HttpStatusCode.Forbidden, writerOnly.StatusCode);
            Assert.Equal("This request needs the 'read' scope for /public/a.", await writerOnly.ProblemMessageAsync());
        }
        using (var read = await client.SendAsync(HttpMethod.Get, "/assets/public/a/-/content", Reader))
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        using (var head = await client.SendAsync(HttpMethod.Head, "/assets/public/a/-/content", Reader))
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        using (var otherPath = await client.SendAsync(HttpMethod.Get, "/assets/private/a", Reader))
            Assert.Equal(HttpStatusCode.Forbidden, otherPath.StatusCode);
        using (var headAnonymous = await client.SendAsync(HttpMethod.Head, "/assets/public/a/-/content", null))
            Assert.Equal(HttpStatusCode.Unauthorized, headAnonymous.StatusCode);
        using (var health = await client.GetAsync("/health"))
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
