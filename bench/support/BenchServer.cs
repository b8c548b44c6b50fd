using System.Text.Json;
using Konifer.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Konifer.Bench.Support;

/// <summary>
/// The real server, started in this process on a random loopback port from a konifer.conf, with a client for it.
/// </summary>
public sealed class BenchServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _directory;

    public Uri BaseAddress { get; }

    /// <summary>A client for the server (generous timeout: a bench request may wait behind many others).</summary>
    public HttpClient Http { get; }

    private BenchServer(WebApplication app, string directory)
    {
        _app = app;
        _directory = directory;
        BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
    }

    /// <summary>
    /// Starts the server from <paramref name="configuration"/> (konifer.conf text); <c>{directory}</c> in it is the
    /// server's own temporary folder, removed on dispose.
    /// </summary>
    public static async Task<BenchServer> StartAsync(string configuration)
    {
        // Benchmarks upload and make images far beyond the path limits' defaults (8192 px a side, 20 MP).
        configuration = UnlimitedPaths + "\n" + configuration;
        var directory = Directory.CreateTempSubdirectory("konifer-bench-").FullName;
        var configPath = Path.Combine(directory, "konifer.conf");
        await File.WriteAllTextAsync(configPath, configuration.Replace("{directory}", directory, StringComparison.Ordinal));
        var app = KoniferApp.Build(["--Logging:LogLevel:Default=Warning"], new KoniferHostOptions
        {
            Environment = name => name == "KONIFER_CONFIG" ? configPath : null,
            CurrentDirectory = directory,
            Urls = "http://127.0.0.1:0",
        });
        await app.StartAsync();
        return new BenchServer(app, directory);
    }

    /// <summary>
    /// Path limits (<c>limits</c>, <c>transform.limits</c>) raised out of the way of any benchmark image; what the
    /// configuration sets for <c>/**</c> is merged with it.
    /// </summary>
    public const string UnlimitedPaths = """
        paths { "/**" {
          limits { max-width = 1000000, max-height = 1000000, max-pixels = 1000GP, max-pages = 1000000, max-pixels-per-page = 1000GP }
          transform.limits { max-width = 1000000, max-height = 1000000, max-pixels = 1000GP }
        } }
        """;

    /// <summary>Both stores in memory, plus <paramref name="configuration"/>.</summary>
    public static Task<BenchServer> InMemoryAsync(string configuration = "") =>
        StartAsync("data-store.provider = in-memory\nobject-store.provider = in-memory\n" + configuration + "\n");

    /// <summary>PostgreSQL metadata with filesystem (<c>pg-fs</c>) or S3 (<c>pg-s3</c>) objects.</summary>
    public static Task<BenchServer> StartAsync(string stores, NpgsqlConnectionStringBuilder database, Uri? s3)
    {
        var objectStore = stores == "pg-s3"
            ? $$"""object-store { provider = s3, s3 { endpoint-url = "{{s3}}", region = us-east-1, access-key = S3RVER, secret-key = S3RVER, force-path-style = true } }"""
            : """object-store { provider = filesystem, filesystem.mount-path = "{directory}/objects" }""";
        return StartAsync($$"""
            data-store {
              provider = postgresql
              postgresql { host = "{{database.Host}}", port = {{database.Port}}, database = "{{database.Database}}", user = "{{database.Username}}", ssl-mode = disable }
            }
            {{objectStore}}
            """);
    }

    /// <summary>Stores <paramref name="file"/> (a JPEG) at <c>/assets{path}</c>; anything but 201 throws.</summary>
    public async Task UploadAsync(string path, string file)
    {
        using var content = Multipart.Jpeg(await File.ReadAllBytesAsync(file));
        using var response = await Http.PostAsync("/assets" + path, content);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The generated (non-original) variants of the newest entry at <c>/assets{path}</c>.</summary>
    public async Task<int> VariantCountAsync(string path)
    {
        using var info = JsonDocument.Parse(await Http.GetStringAsync($"/assets{path}/-/info"));
        return info.RootElement.GetProperty("variants").EnumerateArray().Count(v => !v.GetProperty("isOriginalVariant").GetBoolean());
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { /* a temporary folder left behind is harmless */ }
    }
}
