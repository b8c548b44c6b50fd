using Konifer.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Konifer.Tests.TestSupport;

/// <summary>
/// The real server (Kestrel on a loopback port) started in-process from a konifer.conf written by the test. Each
/// instance has its own environment, temporary directory and filesystem mount, so tests can run in parallel.
/// </summary>
public sealed class KoniferTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    public HttpClient Client { get; }
    public Uri BaseAddress { get; }
    public string Directory { get; }
    public string MountPath => Path.Combine(Directory, "objects");
    public IServiceProvider Services => _app.Services;

    private KoniferTestServer(WebApplication app, string directory)
    {
        _app = app;
        Directory = directory;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>Starts a server. <paramref name="config"/> is konifer.conf text; {mount} is replaced by a private directory.
    /// <paramref name="services"/> may replace registered services (a clock, a transformer) after the server's own.</summary>
    public static async Task<KoniferTestServer> StartAsync(string config = InMemoryConfig, IDictionary<string, string>? environment = null,
        Action<IServiceCollection>? services = null)
    {
        var directory = CreateTempDirectory();
        var configPath = Path.Combine(directory, "konifer.conf");
        await File.WriteAllTextAsync(configPath, config.Replace("{mount}", Path.Combine(directory, "objects")));
        var env = new Dictionary<string, string>(environment ?? new Dictionary<string, string>());
        env.TryAdd("KONIFER_CONFIG", configPath);
        var app = KoniferApp.Build([], new KoniferHostOptions
        {
            Environment = name => env.TryGetValue(name, out var value) ? value : null,
            CurrentDirectory = directory,
            Urls = "http://127.0.0.1:0",
            ConfigureServices = services,
        });
        await app.StartAsync();
        return new KoniferTestServer(app, directory);
    }

    public const string InMemoryConfig = """
        data-store.provider = in-memory
        object-store.provider = in-memory
        """;

    public const string FileSystemConfig = """
        data-store.provider = in-memory
        object-store { provider = filesystem, filesystem.mount-path = "{mount}" }
        """;

    public static string CreateTempDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "konifer-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        return directory;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }
}
