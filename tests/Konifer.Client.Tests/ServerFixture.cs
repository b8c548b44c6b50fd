using Konifer.Tests.TestSupport;

namespace Konifer.Client.Tests;

/// <summary>One real server (filesystem objects, a profile, signing off) shared by a test class; each test uses its own paths.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public const string Config = KoniferTestServer.FileSystemConfig + """

        variant-profiles { thumb { w = 20, h = 20, fit = fill, format = webp } }
        paths { "/lqip/**" { image.lqip = [blurhash, thumbhash] } }
        """;

    private KoniferTestServer? _server;

    public KoniferTestServer Server => _server ?? throw new InvalidOperationException("Not started.");

    /// <summary>A client over a plain HttpClient of the server.</summary>
    public KoniferClient Client => new(Server.Client);

    public async Task InitializeAsync() => _server = await KoniferTestServer.StartAsync(Config);

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }
}
