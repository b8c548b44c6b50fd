// Memory benchmark (issue 7): peak RSS of the server while full-size WebP, AVIF, JPEG XL and HEIC conversions of one
// large photo run at once, with the memory budget on and off, and the latency of thumbnails requested meanwhile.
// Each run is a child process of its own, so its peak RSS (VmHWM) belongs to that run alone.
// Usage: dotnet run -c Release --project bench/memory [-- --megapixels 8 --budget 1GB]
using System.Diagnostics;
using System.Globalization;
using Konifer.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NetVips;

if (args.Length > 0 && args[0] == "--child") return await Child(args[1], args[2]);

var megapixels = double.Parse(Arg("--megapixels") ?? "8", CultureInfo.InvariantCulture);
var budget = Arg("--budget") ?? "1GB";
var work = Directory.CreateTempSubdirectory("konifer-bench-memory-").FullName;
var source = Path.Combine(work, "source.jpg");
var width = (int)Math.Round(Math.Sqrt(megapixels * 1e6 * 1.5));
var height = (int)Math.Round(width / 1.5);
{
    // Photo-like: a blurred noise field over a ramp, so the encoders have real but not pathological work.
    using var noise = Image.Gaussnoise(width, height, mean: 128, sigma: 30).Gaussblur(4);
    using var ramp = Image.Xyz(width, height)[0] * (255.0 / width);
    using var rgb = noise.Bandjoin(ramp, noise).Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
    rgb.Jpegsave(source, q: 90);
}
Console.WriteLine($"input: {width}×{height} JPEG ({width * (long)height / 1e6:0.0} MP, {new FileInfo(source).Length / 1024} KB), " +
                  $"{Environment.ProcessorCount} cores, libvips {NetVips.NetVips.Version(0)}.{NetVips.NetVips.Version(1)}");

var rows = new List<string>();
foreach (var (label, setting) in new[] { ($"budget on ({budget})", budget), ("budget off", "100%") })
{
    var output = RunChild(setting, source);
    rows.Add($"| {label} | {output["peak-rss-mb"]} | {output["conversions-s"]} | {output["thumb-quiet-p95-ms"]} | {output["thumb-busy-p95-ms"]} | {output["thumbs"]} |");
}
Console.WriteLine();
Console.WriteLine("| run | peak RSS (MB) | 4 full-size conversions (s) | thumbnail p95, idle (ms) | thumbnail p95, during conversions (ms) | thumbnails during |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|");
foreach (var row in rows) Console.WriteLine(row);
Directory.Delete(work, recursive: true);
return 0;

Dictionary<string, string> RunChild(string memoryBudget, string file)
{
    // Run either through the apphost (args as given) or through `dotnet <dll>`; a child never starts children.
    if (Environment.GetEnvironmentVariable("KONIFER_BENCH_CHILD") is not null) throw new InvalidOperationException("a child run tried to start another");
    var host = Environment.ProcessPath!;
    string[] arguments = Path.GetFileNameWithoutExtension(host) == "dotnet"
        ? [System.Reflection.Assembly.GetEntryAssembly()!.Location, "--child", memoryBudget, file]
        : ["--child", memoryBudget, file];
    var start = new ProcessStartInfo(host, arguments) { RedirectStandardOutput = true };
    start.Environment["KONIFER_BENCH_CHILD"] = "1";
    using var child = Process.Start(start)!;
    var text = child.StandardOutput.ReadToEnd();
    child.WaitForExit();
    if (child.ExitCode != 0) throw new InvalidOperationException($"child run failed ({child.ExitCode}): {text}");
    return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('=', 2)).Where(p => p.Length == 2)
        .ToDictionary(p => p[0].Trim(), p => p[1].Trim());
}

static async Task<int> Child(string memoryBudget, string file)
{
    var work = Directory.CreateTempSubdirectory("konifer-bench-memory-child-").FullName;
    var config = Path.Combine(work, "konifer.conf");
    File.WriteAllText(config, $"""
        data-store.provider = in-memory
        object-store.provider = in-memory
        variant-generation {"{"} workers = 4, memory-budget = "{memoryBudget}", max-output-pixels.full-frame = 100000000 {"}"}
        """);
    var app = KoniferApp.Build(["--Logging:LogLevel:Default=Warning"], new KoniferHostOptions
    {
        Environment = name => name == "KONIFER_CONFIG" ? config : null,
        CurrentDirectory = work,
        Urls = "http://127.0.0.1:0",
    });
    await app.StartAsync();
    var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    using var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(30) };
    using (var form = new MultipartFormDataContent())
    {
        var json = new StringContent("{}");
        json.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        form.Add(json, "metadata");
        form.Add(new ByteArrayContent(await File.ReadAllBytesAsync(file)), "asset", "photo.jpg");
        (await http.PostAsync("/assets/bench/photo", form)).EnsureSuccessStatusCode();
    }

    var size = 200;
    async Task<double> Thumbnail()
    {
        var watch = Stopwatch.StartNew();
        using var response = await http.GetAsync($"/assets/bench/photo/-/content?w={size++}&format=jpg");
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
        return watch.Elapsed.TotalMilliseconds;
    }

    var quiet = new List<double>();
    for (var i = 0; i < 20; i++) quiet.Add(await Thumbnail());

    var conversions = Stopwatch.StartNew();
    var large = new[] { "webp", "avif", "jxl", "heic" }
        .Select(async format =>
        {
            using var response = await http.GetAsync($"/assets/bench/photo/-/content?format={format}");
            response.EnsureSuccessStatusCode();
        })
        .ToArray();
    var all = Task.WhenAll(large);
    var busy = new List<double>();
    while (!all.IsCompleted)
    {
        busy.Add(await Thumbnail());
        await Task.Delay(100);
    }
    await all;
    var seconds = conversions.Elapsed.TotalSeconds;
    await app.StopAsync();

    var status = await File.ReadAllLinesAsync("/proc/self/status");
    var hwm = long.Parse(status.First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    Console.WriteLine($"peak-rss-mb={hwm / 1024}");
    Console.WriteLine($"conversions-s={seconds:0}");
    Console.WriteLine($"thumb-quiet-p95-ms={P95(quiet):0}");
    Console.WriteLine($"thumb-busy-p95-ms={P95(busy):0}");
    Console.WriteLine($"thumbs={busy.Count}");
    Directory.Delete(work, recursive: true);
    return 0;
}

static double P95(List<double> values)
{
    if (values.Count == 0) return double.NaN;
    var sorted = values.Order().ToArray();
    return sorted[(int)Math.Ceiling(0.95 * sorted.Length) - 1];
}

string? Arg(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
