// Lanes benchmark (issue 10): how long a 200 px thumbnail takes on an idle server and while four full-size WebP
// conversions of the same large photo run, with few workers. The budget is set high enough that all four fit, so
// what the thumbnail waits for is a worker, not memory.
// Usage: dotnet run -c Release --project bench/lanes [-- --side 8000 --workers 2 --budget 4GB --samples 5]
using System.Diagnostics;
using System.Globalization;
using Konifer.Bench;
using Konifer.Bench.Support;

var options = new BenchArgs(args, "--side", "--workers", "--budget", "--samples", "--conversions", "--config");
var side = options.Int("--side", 8000);
var workers = options.Int("--workers", 2);
var budget = options.String("--budget") ?? "4GB";
var samples = options.Int("--samples", 5);
var conversionCount = options.Int("--conversions", 4);
var extra = options.String("--config") ?? ""; // e.g. "variant-generation.large-job-pixels = 100000000000"

var work = Directory.CreateTempSubdirectory("konifer-bench-lanes-").FullName;
var source = Path.Combine(work, "photo.jpg");
await File.WriteAllBytesAsync(source, BenchImage.Jpeg(side, side));
Console.WriteLine($"input: {side}×{side} JPEG ({side * (long)side / 1e6:0} MP, {new FileInfo(source).Length / 1024} KB), " +
                  $"{Environment.ProcessorCount} cores, {workers} workers, budget {budget}, load average {LoadAverage()}");

await using (var server = await BenchServer.InMemoryAsync(
                 $"variant-generation {{ workers = {workers}, memory-budget = \"{budget}\" }}\n{extra}"))
{
    await server.UploadAsync("/bench/photo", source);
    var width = 200;
    async Task<double> Thumbnail()
    {
        var watch = Stopwatch.StartNew();
        using var response = await server.Http.GetAsync($"/assets/bench/photo/-/content?w={width++}");
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
        return watch.Elapsed.TotalMilliseconds;
    }

    var idle = new List<double>();
    for (var i = 0; i < samples; i++) idle.Add(await Thumbnail());
    var idleLoad = LoadAverage();

    // Distinct qualities make distinct jobs; identical requests would join one.
    var converting = Stopwatch.StartNew();
    var conversions = Enumerable.Range(0, conversionCount).Select(async i =>
    {
        using var response = await server.Http.GetAsync($"/assets/bench/photo/-/content?format=webp&q={80 - i}");
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
        return converting.Elapsed.TotalSeconds;
    }).ToArray();
    var allConverted = Task.WhenAll(conversions);

    var loaded = new List<double>();
    var loadDuring = "";
    while (loaded.Count < samples && !allConverted.IsCompleted)
    {
        await Task.Delay(TimeSpan.FromSeconds(3)); // the conversions are running (or queued) before each thumbnail
        if (allConverted.IsCompleted) break;
        loaded.Add(await Thumbnail());
        loadDuring = LoadAverage();
    }
    var finishedAt = await allConverted;

    Console.WriteLine();
    Console.WriteLine("| thumbnail `?w=200…` | samples | median ms | max ms | load average (1/5/15 min) |");
    Console.WriteLine("|---|---:|---:|---:|---|");
    Console.WriteLine($"| idle | {idle.Count} | {Stats.Median(idle):0} | {idle.Max():0} | {idleLoad} |");
    Console.WriteLine($"| during {conversionCount} full-size WebP conversions | {loaded.Count} | {Stats.Median(loaded):0} | " +
                      $"{(loaded.Count > 0 ? loaded.Max() : double.NaN):0} | {loadDuring} |");
    Console.WriteLine();
    Console.WriteLine($"conversions finished after (s): {string.Join(", ", finishedAt.Order().Select(s => s.ToString("0", CultureInfo.InvariantCulture)))}; " +
                      $"load average at the end {LoadAverage()}");
}
Directory.Delete(work, recursive: true);
return 0;

static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
