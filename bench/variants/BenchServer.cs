using System.Net.Http.Headers;
using System.Text.Json;
using Konifer.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Konifer.Bench.Variants;

/// <summary>
/// The real server in this process: both stores in memory, Kestrel on a random loopback port, the given
/// <c>konifer.conf</c>, and a client for it.
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _work;

    private BenchServer(WebApplication app, string work, HttpClient http)
    {
        _app = app;
        _work = work;
        Http = http;
    }

    public HttpClient Http { get; }

    /// <param name="configuration">Appended to the in-memory store settings.</param>
    public static async Task<BenchServer> StartAsync(string configuration)
    {
        var work = Directory.CreateTempSubdirectory("konifer-bench-server-").FullName;
        var config = Path.Combine(work, "konifer.conf");
        File.WriteAllText(config, "data-store.provider = in-memory\nobject-store.provider = in-memory\n" + configuration + "\n");
        var app = KoniferApp.Build(["--Logging:LogLevel:Default=Warning"], new KoniferHostOptions
        {
            Environment = name => name == "KONIFER_CONFIG" ? config : null,
            CurrentDirectory = work,
            Urls = "http://127.0.0.1:0",
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BenchServer(app, work, new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(5) });
    }

    /// <summary>Stores <paramref name="file"/> at <c>/assets{path}</c> (201 expected).</summary>
    public async Task UploadAsync(string path, string file)
    {
        using var content = new MultipartFormDataContent();
        var json = new StringContent("{}");
        json.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Add(json, "metadata");
        content.Add(new StreamContent(File.OpenRead(file)), "asset", Path.GetFileName(file));
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
        try { Directory.Delete(_work, recursive: true); }
        catch (IOException) { /* a temporary folder left behind is harmless */ }
    }
}
