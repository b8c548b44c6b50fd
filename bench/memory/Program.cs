// Memory benchmark (issue 10): does variant-generation.memory-budget bound the server's memory?
//
// Default mode (burst): for each full-frame output format, a fresh server (in-memory stores, 4 workers, the given
// budget) gets a 64 MP photo-like JPEG and then four full-size conversions of it to that format at once; the table
// gives the server's peak RSS above its idle baseline next to the budget. Thumbnails are requested every 100 ms
// meanwhile, for their latency.
// --per-job mode: one job per fresh server, the figures the factors of MemoryEstimate come from.
// --uploads mode: what uploads (inspection, placeholders) leave in the idle server: one upload per fresh server, then
// a burst of large ones at once; the server's idle RSS at start-up next to its idle RSS after the uploads.
//
// The server is a child process of its own (this program started with --server), so its VmHWM is the run's alone,
// and this process is only the HTTP client: nothing the client buffers counts. The peak is reset
// (/proc/PID/clear_refs) after the upload, so it is the conversions' alone.
// Usage: dotnet run -c Release --project bench/memory -- [--budget 1GB] [--side 8000] [--formats webp,gif,...]
//        dotnet run -c Release --project bench/memory -- --per-job [--formats ...] [--sources ...]
//        dotnet run -c Release --project bench/memory -- --uploads [--sources heic,avif,png] [--sides 1000,2000,4000,6000]
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Konifer.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NetVips;

if (args.Length > 1 && args[0] == "--server") return await Server(args[1]);

var budget = Arg("--budget") ?? "1GB";
var side = int.Parse(Arg("--side") ?? "8000", CultureInfo.InvariantCulture);
var formats = (Arg("--formats") ?? "webp,gif,heic,jxl,avif").Split(',', StringSplitOptions.RemoveEmptyEntries);
var keep = Arg("--work");
ServerProcess.Store = Arg("--store") ?? "filesystem";
var work = keep ?? Directory.CreateTempSubdirectory("konifer-bench-memory-").FullName;
Directory.CreateDirectory(work);
Console.WriteLine($"{Environment.ProcessorCount} cores, libvips {NetVips.NetVips.Version(0)}.{NetVips.NetVips.Version(1)}, work folder {work}");
var clock = Stopwatch.StartNew();
try
{
    if (args.Contains("--per-job")) await PerJob();
    else if (args.Contains("--uploads")) await Uploads();
    else await Bursts();
}
finally
{
    if (keep is null) Directory.Delete(work, recursive: true);
}
Console.WriteLine($"total {clock.Elapsed.TotalMinutes:0.0} min");
return 0;

async Task Bursts()
{
    var source = Source(side, "jpg");
    var mixed = args.Contains("--mixed");
    Console.WriteLine($"input: {side}×{side} JPEG ({side * (long)side / 1e6:0} MP), budget {budget}, " +
                      (mixed ? "one full-size conversion per format, all at once" : "4 full-size conversions per burst"));
    Console.WriteLine();
    Console.WriteLine("| format | budget (MB) | peak RSS above idle (MB) | within budget + 256 MB | RSS above idle after (MB) | conversions (s) | thumbnail p95, idle (ms) | thumbnail p95, during (ms) | thumbnails during | start-up idle RSS (MB) | idle RSS after the burst (MB) |");
    Console.WriteLine("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|");
    if (mixed) await Burst(string.Join(" + ", formats), formats.Select(f => $"format={f}").ToArray());
    // Distinct widths so that the four are four jobs, not one shared one.
    else foreach (var format in formats) await Burst(format, Enumerable.Range(0, 4).Select(i => $"w={side - 8 * i}&format={format}").ToArray());
}

async Task Burst(string label, string[] queries)
{
    await using var server = await ServerProcess.StartAsync(work, budget);
    var startup = await server.IdleRssAsync();
    await server.UploadAsync(Source(side, "jpg"));
    var quiet = new List<double>();
    var size = 200;
    for (var i = 0; i < 10; i++) quiet.Add(await server.ThumbnailAsync(size++));
    server.ResetPeak();
    var baseline = server.Rss();
    var watch = Stopwatch.StartNew();
    var conversions = queries.Select(server.GetAsync).ToArray();
    var all = Task.WhenAll(conversions);
    var busy = new List<double>();
    while (!all.IsCompleted)
    {
        busy.Add(await server.ThumbnailAsync(size++));
        await Task.WhenAny(all, Task.Delay(100));
    }
    var statuses = await all;
    var seconds = watch.Elapsed.TotalSeconds;
    await Task.Delay(1000);
    var peak = (server.Peak() - baseline) / 1_000_000;
    var after = (server.Rss() - baseline) / 1_000_000;
    if (statuses.All(s => s == HttpStatusCode.BadRequest))
    {
        Console.WriteLine($"| {label} | {server.BudgetMb} | refused up front (400: estimate above the budget) | – | – | – | {P95(quiet):0} | – | – | {startup / 1_000_000} | – |");
        return;
    }
    var refused = statuses.Count(s => s == HttpStatusCode.BadRequest);
    if (statuses.Any(s => s is not (HttpStatusCode.OK or HttpStatusCode.BadRequest))) throw new InvalidOperationException($"{label}: {string.Join(", ", statuses)}");
    Console.WriteLine($"| {label}{(refused > 0 ? $" ({refused} refused, 400)" : "")} | {server.BudgetMb} | {peak} | {(peak <= server.BudgetMb + 256 ? "yes" : "**no**")} | {after} | " +
                      $"{seconds:0} | {P95(quiet):0} | {P95(busy):0} | {busy.Count} | {startup / 1_000_000} | {await server.IdleRssAsync() / 1_000_000} |");
}

// One job per fresh server: the job's peak RSS above the idle server, per pixel of the output (encoders, from a JPEG
// source, which shrinks on load and adds nothing per pixel) or of the source (decoders, a 400 px JPEG thumbnail).
async Task PerJob()
{
    var encoders = (Arg("--formats") ?? "jpg,png,webp,gif,heic,jxl,avif").Split(',');
    var decoders = (Arg("--sources") ?? "jpg,png,webp,gif,heic,jxl,avif").Split(',');
    var sides = (Arg("--sides") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
    Console.WriteLine();
    Console.WriteLine("| job | source | output | peak RSS above idle (MB) | bytes per pixel | seconds | idle RSS before → after the upload (MB) |");
    Console.WriteLine("|---|---|---|---:|---:|---:|---:|");
    foreach (var format in encoders.Where(e => e != "none"))
    {
        // The slow encoders at 4 and 16 MP (AVIF at 64 MP takes many minutes here), the others at 16 and 64 MP.
        int[] sizes = sides.Length > 0 ? sides : format is "heic" or "jxl" or "avif" ? [2000, 4000] : [4000, 8000];
        if (sides.Length == 0 && format is "jxl" or "avif") sizes = [2000, 4000, 6000];
        foreach (var s in sizes)
        {
            // A format may carry more parameters (jpg:q=95); q=79 keeps a JPEG from being the original itself.
            var query = format.Contains(':') ? $"format={format.Replace(':', '&')}" : format == "jpg" ? "format=jpg&q=79" : $"format={format}";
            await Job(Source(s, "jpg"), s, "jpg", query, $"full-size {format.Split(':')[0]}", (long)s * s);
        }
    }
    // Another query (--decode-query format=jpg&q=79) measures what decoding costs when the output is full size.
    var decodeQuery = Arg("--decode-query") ?? "w=400&format=jpg";
    foreach (var format in decoders.Where(d => d != "none"))
    {
        int[] sizes = sides.Length > 0 ? sides : [2000, 4000];
        foreach (var s in sizes) await Job(Source(s, format), s, format, decodeQuery, decodeQuery == "w=400&format=jpg" ? "400 px JPEG thumbnail" : "from the source", (long)s * s);
    }
}

// One upload per fresh server, then one burst of the large ones at once. Placeholders are on (a path with
// image.lqip), so an upload is decoded twice: the integrity check and the placeholder's thumbnail.
async Task Uploads()
{
    var sources = (Arg("--sources") ?? "heic,avif,png").Split(',', StringSplitOptions.RemoveEmptyEntries);
    var sides = (Arg("--sides") ?? "1000,2000,4000,6000").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
    Console.WriteLine();
    Console.WriteLine("| uploads | start-up idle RSS (MB) | peak RSS (MB) | idle RSS after the burst (MB) | left behind (MB) | seconds |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|");
    // libheif here cannot decode the 36 MP AVIF that it encodes itself ("error in tile"): AVIF stops at 16 MP.
    int[] SidesOf(string format) => format == "avif" ? sides.Where(s => s <= 4000).ToArray() : sides;
    foreach (var format in sources)
    foreach (var s in SidesOf(format))
        await UploadBurst($"{format} {s}×{s} ({(long)s * s / 1e6:0.#} MP)", [Source(s, format)]);
    var burst = sources.SelectMany(f => SidesOf(f).Where(s => s >= 4000).Select(s => (f, s))).ToArray();
    if (burst.Length == 0) return;
    await UploadBurst($"burst of {burst.Length} at once: {string.Join(", ", burst.Select(b => $"{b.f} {(long)b.s * b.s / 1e6:0} MP"))}",
        burst.Select(b => Source(b.s, b.f)).ToArray());
}

async Task UploadBurst(string label, string[] files)
{
    await using var server = await ServerProcess.StartAsync(work, "100%", """paths { "/**" { image.lqip = [blurhash, thumbhash] } }""");
    var startup = await server.IdleRssAsync();
    server.ResetPeak();
    var watch = Stopwatch.StartNew();
    await Task.WhenAll(files.Select((file, i) => server.UploadAsync(file, $"/assets/bench/upload{i}")));
    var seconds = watch.Elapsed.TotalSeconds;
    var peak = server.Peak();
    var after = await server.IdleRssAsync();
    Console.WriteLine($"| {label} | {startup / 1_000_000} | {peak / 1_000_000} | {after / 1_000_000} | {(after - startup) / 1_000_000} | {seconds:0.0} |");
}

async Task Job(string source, int s, string sourceFormat, string query, string label, long pixels)
{
    await using var server = await ServerProcess.StartAsync(work, "100%");
    var fresh = server.Rss();
    await server.UploadAsync(source);
    await Task.Delay(500);
    server.ResetPeak();
    var baseline = server.Rss();
    var watch = Stopwatch.StartNew();
    var status = await server.GetAsync(query);
    if (status != HttpStatusCode.OK) throw new InvalidOperationException($"{query} of {source}: {status}");
    var peak = server.Peak() - baseline;
    Console.WriteLine($"| {label} | {sourceFormat} {s}×{s} ({pixels / 1e6:0} MP) | {query} | {peak / 1e6:0} | {(double)peak / pixels:0.0} | {watch.Elapsed.TotalSeconds:0} | {fresh / 1e6:0} → {baseline / 1e6:0} |");
}

// A photo-like picture (blurred noise over a ramp: real but not pathological work for the encoders), made once per
// size and format in the work folder.
string Source(int s, string format)
{
    var file = Path.Combine(work, $"source-{s}.{format}");
    if (File.Exists(file)) return file;
    using var noise = Image.Gaussnoise(s, s, mean: 128, sigma: 30).Gaussblur(4);
    using var ramp = Image.Xyz(s, s)[0] * (255.0 / s);
    using var rgb = noise.Bandjoin(ramp, noise).Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
    var temporary = file + ".part";
    switch (format)
    {
        case "jpg": rgb.Jpegsave(temporary, q: 90); break;
        case "png": rgb.Pngsave(temporary, compression: 1); break;
        case "webp": rgb.Webpsave(temporary, q: 90); break;
        case "gif": rgb.Gifsave(temporary); break;
        case "jxl": rgb.Jxlsave(temporary, q: 90, effort: 1); break;
        // The fastest settings: how the source was encoded does not change what decoding it costs.
        case "heic": Operation.Call("heifsave", new VOption { { "Q", 50 }, { "compression", Enums.ForeignHeifCompression.Hevc }, { "effort", 0 } }, rgb, temporary); break;
        case "avif": Operation.Call("heifsave", new VOption { { "Q", 50 }, { "compression", Enums.ForeignHeifCompression.Av1 }, { "effort", 0 } }, rgb, temporary); break;
        default: throw new ArgumentException($"unknown format {format}");
    }
    File.Move(temporary, file);
    return file;
}

static async Task<int> Server(string config)
{
    var app = KoniferApp.Build(["--Logging:LogLevel:Default=Warning"], new KoniferHostOptions
    {
        Environment = name => name == "KONIFER_CONFIG" ? config : Environment.GetEnvironmentVariable(name),
        CurrentDirectory = Path.GetDirectoryName(config)!,
        Urls = "http://127.0.0.1:0",
    });
    await app.StartAsync();
    var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    Console.WriteLine($"address={address}");
    Console.Out.Flush();
    await Console.In.ReadToEndAsync(); // the parent closes stdin to stop us
    await app.StopAsync();
    return 0;
}

static double P95(List<double> values)
{
    if (values.Count == 0) return double.NaN;
    var sorted = values.Order().ToArray();
    return sorted[(int)Math.Ceiling(0.95 * sorted.Length) - 1];
}

string? Arg(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

/// <summary>A Konifer server in a child process, measured from outside through /proc.</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly HttpClient _http;
    private readonly string _folder;

    private ServerProcess(Process process, Uri address, string folder, long budgetMb)
    {
        _process = process;
        _folder = folder;
        _http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(60) };
        BudgetMb = budgetMb;
    }

    public long BudgetMb { get; }

    /// <summary>
    /// filesystem (the default) or in-memory, which also keeps every output, twice while storing it, in the managed heap:
    /// storage, not generation, so not in the estimate.
    /// </summary>
    public static string Store { get; set; } = "filesystem";

    public static async Task<ServerProcess> StartAsync(string work, string budget, string extraConfig = "")
    {
        var folder = Directory.CreateDirectory(Path.Combine(work, $"server-{Guid.NewGuid():N}")).FullName;
        var config = Path.Combine(folder, "konifer.conf");
        await File.WriteAllTextAsync(config, $$"""
            data-store.provider = in-memory
            {{(Store == "filesystem" ? $"object-store {{ provider = filesystem, filesystem.mount-path = \"{folder}/objects\" }}" : "object-store.provider = in-memory")}}
            source.multipart.max-bytes = 1GiB
            paths { "/**" {
              limits { max-width = 1000000, max-height = 1000000, max-pixels = 1000GP, max-pages = 1000000, max-pixels-per-page = 1000GP }
              transform.limits { max-width = 1000000, max-height = 1000000, max-pixels = 1000GP }
            } }
            variant-generation { workers = 4, memory-budget = "{{budget}}", max-output-pixels.full-frame = 100000000 }
            {{extraConfig}}
            """);
        var host = Environment.ProcessPath!;
        string[] arguments = Path.GetFileNameWithoutExtension(host) == "dotnet"
            ? [System.Reflection.Assembly.GetEntryAssembly()!.Location, "--server", config]
            : ["--server", config];
        var start = new ProcessStartInfo(host, arguments) { RedirectStandardOutput = true, RedirectStandardInput = true };
        var process = Process.Start(start)!;
        string? line;
        while ((line = await process.StandardOutput.ReadLineAsync()) is not null && !line.StartsWith("address=", StringComparison.Ordinal)) { }
        if (line is null) throw new InvalidOperationException("the server did not start");
        _ = process.StandardOutput.ReadToEndAsync();
        return new ServerProcess(process, new Uri(line["address=".Length..]), folder, Megabytes(budget));
    }

    /// <summary>The budget in MB (10^6 bytes, as HOCON reads GB and MB); 0 for a percentage.</summary>
    private static long Megabytes(string budget) =>
        budget.EndsWith("GB", StringComparison.OrdinalIgnoreCase) ? (long)(double.Parse(budget[..^2], CultureInfo.InvariantCulture) * 1000)
        : budget.EndsWith("MB", StringComparison.OrdinalIgnoreCase) ? long.Parse(budget[..^2], CultureInfo.InvariantCulture)
        : budget.EndsWith('%') ? 0
        : throw new ArgumentException($"--budget takes GB or MB (or a percentage for --per-job): {budget}");

    public async Task UploadAsync(string file, string path = "/assets/bench/photo")
    {
        using var form = new MultipartFormDataContent();
        var json = new StringContent("{}");
        json.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        form.Add(json, "metadata");
        form.Add(new StreamContent(File.OpenRead(file)), "asset", Path.GetFileName(file));
        using var response = await _http.PostAsync(path, form);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"upload of {file}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The body is streamed away: this process is the client, but nothing should sit in memory anyway.</summary>
    public async Task<HttpStatusCode> GetAsync(string query)
    {
        using var response = await _http.GetAsync($"/assets/bench/photo/-/content?{query}", HttpCompletionOption.ResponseHeadersRead);
        await (await response.Content.ReadAsStreamAsync()).CopyToAsync(Stream.Null);
        return response.StatusCode;
    }

    public async Task<double> ThumbnailAsync(int size)
    {
        var watch = Stopwatch.StartNew();
        var status = await GetAsync($"w={size}&format=jpg");
        if (status != HttpStatusCode.OK) throw new InvalidOperationException($"thumbnail: {status}");
        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>Writing 5 to clear_refs resets VmHWM to the current RSS (Linux 4.0+).</summary>
    public void ResetPeak() => File.WriteAllText($"/proc/{_process.Id}/clear_refs", "5");

    public long Rss() => Status("VmRSS:");

    /// <summary>VmRSS once the server has settled: two readings half a second apart within 1 MB (at most 10 s).</summary>
    public async Task<long> IdleRssAsync()
    {
        var previous = Rss();
        for (var i = 0; i < 20; i++)
        {
            await Task.Delay(500);
            var current = Rss();
            if (Math.Abs(current - previous) < 1_000_000) return current;
            previous = current;
        }
        return previous;
    }

    public long Peak() => Status("VmHWM:");

    private long Status(string key) =>
        1024 * long.Parse(File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith(key, StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        _process.StandardInput.Close();
        if (!_process.WaitForExit(30_000)) _process.Kill();
        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
        await Task.CompletedTask;
    }
}
