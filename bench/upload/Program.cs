using Konifer.Bench;
using Konifer.Bench.Support;
using Konifer.Bench.Upload;

// Scenario 3: upload throughput and latency of the real server (in this process, on loopback) on the production
// stores, against the limit of writing the same bytes to disk plus one INSERT, measured in the same run.
// Usage: dotnet run -c Release --project bench/upload -- [--seconds 10] [--warmup 3] [--runs 3] [--concurrency 8]
//        [--stores pg-fs,pg-s3] [--photos small,medium] [--out DIR]
var options = new BenchArgs(args, "--seconds", "--warmup", "--runs", "--concurrency", "--stores", "--photos");
var window = TimeSpan.FromSeconds(options.Double("--seconds", 10));
var warmup = TimeSpan.FromSeconds(options.Double("--warmup", 3));
var runs = options.Int("--runs", 3);
var concurrency = options.Int("--concurrency", 8);
var storeNames = new Dictionary<string, string> { ["pg-fs"] = "PostgreSQL + filesystem", ["pg-s3"] = "PostgreSQL + S3 (s3rver)" };
var photoSizes = new Dictionary<string, (int Width, int Height)> { ["small"] = (512, 384), ["medium"] = (1024, 768) };
var stores = Choices("--stores", "pg-fs,pg-s3", storeNames.Keys);
var photos = Choices("--photos", "small,medium", photoSizes.Keys)
    .Select(name => (Name: name, Size: photoSizes[name], Bytes: BenchImage.Jpeg(photoSizes[name].Width, photoSizes[name].Height)))
    .ToList();
var loadBefore = LoadAverage();
Console.Error.WriteLine($"bench: {concurrency} clients, {runs} runs of {window.TotalSeconds:0.#} s after {warmup.TotalSeconds:0.#} s warm-up, "
    + string.Join(", ", photos.Select(p => $"{p.Name} {p.Bytes.Length / 1024} KiB")));

var report = new BenchReport("3-upload", "Upload throughput: service vs file + INSERT limit")
    .Column("stores").Column("photo").Column("clients", "0")
    .Column("uploads/s", "0.0").Column("p50 ms", "0").Column("p95 ms", "0").Column("errors", "0")
    .Column("limit uploads/s", "0.0").Column("limit p50 ms", "0.0").Column("limit p95 ms", "0.0")
    .Column("service/limit", "0.000");
var repository = Repository.Root;
await using (var postgres = await LocalPostgres.StartAsync(repository))
{
    foreach (var store in stores)
    {
        await using var s3 = store == "pg-s3" ? await LocalS3.StartAsync(repository) : null;
        var database = await postgres.CreateDatabaseAsync();
        await using var server = await BenchServer.StartAsync(store, database, s3?.Endpoint);
        await using var limit = await Limit.CreateAsync(database);
        using var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(1) };
        foreach (var photo in photos)
        {
            await UploadLoad.ServiceAsync(client, photo.Name, photo.Bytes, concurrency, warmup);
            await UploadLoad.LimitAsync(limit, photo.Bytes, concurrency, warmup);
            limit.Clear();
            var service = new List<LoopResult>();
            var floor = new List<LoopResult>();
            for (var run = 1; run <= runs; run++)
            {
                // Interleaved, so that the other load on the machine weighs on both sides of the ratio alike.
                service.Add(await UploadLoad.ServiceAsync(client, photo.Name, photo.Bytes, concurrency, window));
                floor.Add(await UploadLoad.LimitAsync(limit, photo.Bytes, concurrency, window));
                limit.Clear();
                Console.Error.WriteLine($"bench: {store} {photo.Name} run {run}: {service[^1].PerSecond:0.0}/s ({service[^1].Errors} errors), limit {floor[^1].PerSecond:0.0}/s");
            }
            report.Row(storeNames[store], $"{photo.Name} {photo.Size.Width}×{photo.Size.Height}, {photo.Bytes.Length / 1024} KiB", concurrency,
                Stats.Median(service.Select(r => r.PerSecond)),
                Stats.Median(service.Select(r => Stats.Percentile(r.LatenciesMs, 50))),
                Stats.Median(service.Select(r => Stats.Percentile(r.LatenciesMs, 95))),
                service.Sum(r => r.Errors),
                Stats.Median(floor.Select(r => r.PerSecond)),
                Stats.Median(floor.Select(r => Stats.Percentile(r.LatenciesMs, 50))),
                Stats.Median(floor.Select(r => Stats.Percentile(r.LatenciesMs, 95))),
                Stats.Median(service.Zip(floor, (s, f) => s.PerSecond / f.PerSecond)));
        }
    }
}
report
    .Note($"Each figure is the median of {runs} runs of {window.TotalSeconds:0.#} s ({warmup.TotalSeconds:0.#} s warm-up per row not counted); "
        + $"{concurrency} closed-loop clients; p50/p95 are nearest-rank over one run's successful uploads; errors are all non-201 answers of all runs.")
    .Note("Service: multipart POST (metadata + JPEG) to the real server on 127.0.0.1, each client to its own path; a new entry per upload.")
    .Note("Limit, measured right after each service run with the same clients and bytes: write to a temporary file, fsync, rename, "
        + "then one INSERT of a row into a table of the same PostgreSQL database. service/limit is the median of the per-run ratios.")
    .Note($"Load average (1 min) {loadBefore} before, {LoadAverage()} after, on {Environment.ProcessorCount} cores shared with PostgreSQL, s3rver and the clients.");
report.Write(Console.Out, options.Out);

List<string> Choices(string option, string fallback, IEnumerable<string> known)
{
    var chosen = (options.String(option) ?? fallback).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
    foreach (var name in chosen)
        if (!known.Contains(name)) throw new ArgumentException($"Unknown value '{name}' for {option}; use {string.Join(", ", known)}.");
    return chosen;
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
