using Konifer.Bench;
using Konifer.Bench.Mixed;
using Konifer.Bench.Support;

// Scenario 6: a mixed load (uploads, new and stored thumbnails, info, links, deletes) of N closed-loop clients on
// the real server (in this process, on 127.0.0.1) with PostgreSQL + filesystem.
// Usage: dotnet run -c Release --project bench/mixed -- [--seconds 180] [--concurrency 50] [--max-requests 1000000] [--out DIR]
var options = new BenchArgs(args, "--seconds", "--concurrency", "--max-requests");
var window = TimeSpan.FromSeconds(options.Double("--seconds", 180));
var concurrency = options.Int("--concurrency", 50);
var maxRequests = options.Int("--max-requests", 1_000_000);
var photo = BenchImage.Jpeg(1024, 768);
var loadBefore = LoadAverage();
Console.Error.WriteLine($"bench: {concurrency} clients for {window.TotalSeconds:0.#} s (at most {maxRequests} requests), {photo.Length / 1024} KiB JPEG");

LoopResult total;
MixedLoad load;
var repository = Repository.Root;
await using (var postgres = await LocalPostgres.StartAsync(repository))
{
    var database = await postgres.CreateDatabaseAsync();
    await using var server = await BenchServer.StartAsync("pg-fs", database, null);
    using var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(1) };
    load = new MixedLoad(client, photo);
    await load.SeedAsync(concurrency);
    total = await ClosedLoop.RunAsync(concurrency, window, load.StepAsync, maxRequests);
}

var report = new BenchReport("6-mixed", "Mixed load: PostgreSQL + filesystem")
    .Column("request").Column("count", "0").Column("share %", "0.0").Column("req/s", "0.0")
    .Column("p50 ms", "0.0").Column("p95 ms", "0.0").Column("p99 ms", "0.0").Column("errors", "0").Column("error answers");
var count = total.Operations + total.Errors;
foreach (var (kind, result) in load.Results)
{
    var latencies = result.LatenciesMs;
    report.Row(Name(kind), result.Count, 100.0 * result.Count / count, result.Count / total.Elapsed.TotalSeconds,
        Stats.Percentile(latencies, 50), Stats.Percentile(latencies, 95), Stats.Percentile(latencies, 99), result.Errors, result.Errors == 0 ? null : result.FailureSummary);
}
var all = load.Results.Values.SelectMany(r => r.LatenciesMs).ToList();
report.Row("all", count, 100.0, count / total.Elapsed.TotalSeconds,
    Stats.Percentile(all, 50), Stats.Percentile(all, 95), Stats.Percentile(all, 99), total.Errors,
    total.Errors == 0 ? null : string.Join("; ", load.Results.Where(r => r.Value.Errors > 0).Select(r => $"{Name(r.Key)}: {r.Value.FailureSummary}")));
report
    .Note($"{concurrency} closed-loop clients for {total.Elapsed.TotalSeconds:0} s ({window.TotalSeconds:0.#} s window plus the requests in flight at its end), "
        + $"one {photo.Length / 1024} KiB 1024×768 JPEG per upload; {count / total.Elapsed.TotalSeconds:0.0} requests/s overall. "
        + "Latency is nearest-rank over the successful requests; errors are non-2xx answers or failed connections.")
    .Note("Mix per pick: " + string.Join(", ", MixedLoad.Mix.Select(m => $"{Name(m.Kind)} {m.Percent} %"))
        + ". Uploads go to 4 paths per client; reads ask for entries among the 200 most recent uploads; "
        + "thumbnails are `/-/entry/{id}/content?w=48…640&format=webp`, new = a width not yet served for that entry, "
        + "repeat = one already served; deletes remove entries older than those 200 (a delete with none ready counts as an info).")
    .Note($"K-Cache-Status seen: new thumbnail {load.Results[RequestKind.NewThumbnail].CacheSummary}; repeat thumbnail {load.Results[RequestKind.RepeatThumbnail].CacheSummary}.")
    .Note($"Load average (1 min) {loadBefore} before, {LoadAverage()} after, on {Environment.ProcessorCount} cores shared by clients, server and PostgreSQL.");
report.Write(Console.Out, options.Out);

static string Name(RequestKind kind) => kind switch
{
    RequestKind.Upload => "upload",
    RequestKind.NewThumbnail => "thumbnail, new variant",
    RequestKind.RepeatThumbnail => "thumbnail, stored variant",
    RequestKind.Info => "info",
    RequestKind.Link => "link",
    RequestKind.Delete => "delete",
    _ => kind.ToString(),
};

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
