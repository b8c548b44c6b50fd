using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Http;

/// <summary>The <c>entries</c> walk on the embedded stores (Faults/ runs it on PostgreSQL and S3).</summary>
public sealed class EntriesTests
{
    [Theory]
    [InlineData(KoniferTestServer.InMemoryConfig)]
    [InlineData(KoniferTestServer.FileSystemConfig)]
    public async Task Entries_lists_the_paths_entries_as_info_shows_them(string config)
    {
        await using var server = await KoniferTestServer.StartAsync(config);
        await EntriesWalk.RunAsync(server.Client, "/listing");
    }
}
