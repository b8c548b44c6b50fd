using Konifer.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Konifer.Bench.Support;

/// <summary>The real server, started in this process on a loopback port from a konifer.conf for the chosen stores.</summary>
public sealed class BenchServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _directory;

    public Uri BaseAddress { get; }

    private BenchServer(WebApplication app, string directory)
    {
        _app = app;
        _directory = directory;
        BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public static async Task<BenchServer> StartAsync(string stores, NpgsqlConnectionStringBuilder database, Uri? s3)
    {
        var directory = Path.Combine(Path.GetTempPath(), "konifer-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        var objectStore = stores == "pg-s3"
            ? $$"""object-store { provider = s3, s3 { endpoint-url = "{{s3}}", region = us-east-1, access-key = S3RVER, secret-key = S3RVER, force-path-style = true } }"""
            : $$"""object-store { provider = filesystem, filesystem.mount-path = "{{Path.Combine(directory, "objects")}}" }""";
        var config = $$"""
            data-store {
              provider = postgresql
              postgresql { host = "{{database.Host}}", port = {{database.Port}}, database = "{{database.Database}}", user = "{{database.Username}}", ssl-mode = disable }
            }
            {{objectStore}}
            """;
        var configPath = Path.Combine(directory, "konifer.conf");
        await File.WriteAllTextAsync(configPath, config);
        var environment = new Dictionary<string, string> { ["KONIFER_CONFIG"] = configPath };
        var app = KoniferApp.Build(["--Logging:LogLevel:Default=Warning"], new KoniferHostOptions
        {
            Environment = name => environment.GetValueOrDefault(name),
            CurrentDirectory = directory,
            Urls = "http://127.0.0.1:0",
        });
        await app.StartAsync();
        return new BenchServer(app, directory);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
