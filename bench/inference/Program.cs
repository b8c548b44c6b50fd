using Konifer.Bench;
using Konifer.Bench.Inference;
using Konifer.Bench.Support;

// Scenario 7: what upload rules (SigLIP2 inference) cost per upload, and whether fetches keep their latency while
// uploads wait for inference. The real server runs in this process (PostgreSQL + filesystem, the default inference
// pool: 1 worker, queue 64) with SigLIP2-base-sized towers of random weights (bench/inference/make-siglip2-sized-model)
// and real photos of the corpus.
// Usage: dotnet run -c Release --project bench/inference -- [--model-dir .tools/siglip2-sized] [--corpus /work/shared/corpus]
//        [--seconds 20] [--plain-seconds 5] [--clients 1,4] [--fetch-seconds 20] [--fetch-rate 50] [--burst-clients 16] [--out DIR]
var options = new BenchArgs(args, "--model-dir", "--corpus", "--seconds", "--plain-seconds", "--clients", "--fetch-seconds", "--fetch-rate", "--burst-clients");
var repository = Repository.Root;
var modelDirectory = Path.GetFullPath(options.String("--model-dir") ?? Path.Combine(repository, ".tools", "siglip2-sized"));
if (!File.Exists(Path.Combine(modelDirectory, "vision_model.onnx")))
    throw new FileNotFoundException($"No model in {modelDirectory}: run bench/inference/make-siglip2-sized-model first.");
var photos = BenchPhoto.Load(options.String("--corpus") ?? Environment.GetEnvironmentVariable("KONIFER_BENCH_CORPUS") ?? "/work/shared/corpus");
var window = TimeSpan.FromSeconds(options.Double("--seconds", 20));
var plainWindow = TimeSpan.FromSeconds(options.Double("--plain-seconds", 5));
var clientCounts = (options.String("--clients") ?? "1,4").Split(',').Select(int.Parse).ToArray();
var fetchWindow = TimeSpan.FromSeconds(options.Double("--fetch-seconds", 20));
var fetchRate = options.Double("--fetch-rate", 50);
var burstClients = options.Int("--burst-clients", 16);
const int FetchClients = 4;
const int LoadClients = 4;
var loadBefore = LoadAverage();

var uploads = new BenchReport("7-inference-1-uploads", "Upload rules: upload latency with and without inference")
    .Column("photo").Column("clients", "0")
    .Column("uploads", "0").Column("p50 ms", "0").Column("p95 ms", "0").Column("uploads/s", "0.0")
    .Column("no rules: uploads", "0").Column("p50 ms ", "0").Column("p95 ms ", "0")
    .Column("rules cost p50 ms", "0").Column("rules cost p95 ms", "0").Column("answers with rules");
var fetches = new BenchReport("7-inference-2-fetch", "Upload rules: cached-variant fetches while uploads wait for inference")
    .Column("concurrent uploads").Column("fetches", "0").Column("fetch p50 ms", "0.0").Column("fetch p95 ms", "0.0")
    .Column("fetch p99 ms", "0.0").Column("fetch errors", "0")
    .Column("uploads", "0").Column("upload p50 ms", "0").Column("upload p95 ms", "0").Column("upload answers");

await using (var postgres = await LocalPostgres.StartAsync(repository))
{
    var database = await postgres.CreateDatabaseAsync();
    await using var server = await BenchServer.StartAsync(PgFs(database) + "\n" + RulesConfig.For(modelDirectory));
    var client = server.Http;

    // Warm-up, not counted: the prompt embeddings (text tower, at start-up), the image tower's session, the decoders.
    foreach (var photo in photos)
        foreach (var root in new[] { RulesConfig.RuledRoot, RulesConfig.PlainRoot })
            await UploadLoad.RunAsync(client, root, photo, 1, TimeSpan.FromMinutes(5), new Outcomes(), maxUploads: 2);
    foreach (var photo in photos)
        foreach (var clients in clientCounts)
        {
            var ruledAnswers = new Outcomes();
            var ruled = await UploadLoad.RunAsync(client, RulesConfig.RuledRoot, photo, clients, window, ruledAnswers);
            var plain = await UploadLoad.RunAsync(client, RulesConfig.PlainRoot, photo, clients, plainWindow, new Outcomes());
            var (r50, r95) = (Stats.Percentile(ruled.LatenciesMs, 50), Stats.Percentile(ruled.LatenciesMs, 95));
            var (p50, p95) = (Stats.Percentile(plain.LatenciesMs, 50), Stats.Percentile(plain.LatenciesMs, 95));
            uploads.Row(photo.Label, clients, ruled.Operations, r50, r95, ruled.PerSecond, plain.Operations, p50, p95, r50 - p50, r95 - p95, ruledAnswers.ToString());
            Console.Error.WriteLine($"bench: {photo.Name}, {clients} client(s): rules p50 {r50:0} ms p95 {r95:0} ms ({ruledAnswers}), no rules p50 {p50:0} ms p95 {p95:0} ms");
        }

    // Fetches of one stored variant, alone and while uploads run (1 MP JPEG: the common case).
    var jpeg = photos[0];
    using (var stored = await client.PostAsync($"/assets{RulesConfig.PlainRoot}/fetch/photo", jpeg.Upload())) stored.EnsureSuccessStatusCode();
    const string Variant = "/assets/plain/fetch/photo/-/content?w=400&format=webp&q=80";
    using (var first = await client.GetAsync(Variant)) first.EnsureSuccessStatusCode();
    using (var second = await client.GetAsync(Variant))
        if (!second.Headers.TryGetValues("K-Cache-Status", out var status) || status.First() != "hit")
            throw new InvalidOperationException("The second fetch of the variant was not a cache hit.");
    var interval = TimeSpan.FromSeconds(FetchClients / fetchRate);
    async Task FetchWhile(string label, string? root, int clients)
    {
        var fetching = PacedFetches.RunAsync(client, Variant, FetchClients, interval, fetchWindow);
        var answers = new Outcomes();
        LoopResult? load = root is null ? null : await UploadLoad.RunAsync(client, root, jpeg, clients, fetchWindow, answers);
        var (latencies, fetchAnswers) = await fetching;
        var fetchErrors = fetchAnswers.Except("200");
        fetches.Row(label, latencies.Count, Stats.Percentile(latencies, 50), Stats.Percentile(latencies, 95), Stats.Percentile(latencies, 99), fetchErrors,
            load?.Operations, load is null ? null : Stats.Percentile(load.LatenciesMs, 50), load is null ? null : Stats.Percentile(load.LatenciesMs, 95),
            load is null ? null : answers.ToString());
        Console.Error.WriteLine($"bench: fetches {label}: p50 {Stats.Percentile(latencies, 50):0.0} ms p95 {Stats.Percentile(latencies, 95):0.0} ms ({fetchAnswers}); uploads {answers}");
    }
    await FetchWhile("none", null, 0);
    await FetchWhile($"{LoadClients} clients, no rules", RulesConfig.PlainRoot, LoadClients);
    await FetchWhile($"{LoadClients} clients, with rules", RulesConfig.RuledRoot, LoadClients);
    await FetchWhile($"{burstClients} clients, with rules", RulesConfig.RuledRoot, burstClients);
}

uploads
    .Note($"Closed-loop clients, each uploading one photo after another to its own path: {window.TotalSeconds:0.#} s per window with rules, "
        + $"{plainWindow.TotalSeconds:0.#} s without (two uploads per photo and path before, not counted). p50/p95 are nearest-rank over the window's decided uploads "
        + "(201, or 400 when the rules reject: with random weights none did); rules cost = latency with rules − latency without, the inference as users see it.")
    .Note("With rules: /ruled/** has 1 reject rule and 2 modify rules (5 prompts, embedded once at start-up and cached); each upload is "
        + "decoded to 224×224 once and runs the image tower once, on the inference pool (default: 1 worker, 1 ONNX thread, queue 64). Without rules: /plain/**, same photo.")
    .Note("Model: SigLIP2-base-sized towers with random weights (bench/inference/make-siglip2-sized-model: ViT-B/16 at 224, 17.7 G multiply-accumulates per image): "
        + "the real model's compute, not its scores. Photos: real photos of the corpus; the 12 MP JPEG is one of them enlarged (the corpus has none that large).")
    .Note($"Server in this process, PostgreSQL + filesystem; load average (1 min) {loadBefore} before, {LoadAverage()} after, on {Environment.ProcessorCount} cores shared with PostgreSQL and the clients.");
fetches
    .Note($"{FetchClients} clients fetch one stored variant (1 MP JPEG → 400 px WebP, a cache hit) at {fetchRate:0} requests/s in total for {fetchWindow.TotalSeconds:0.#} s, "
        + "alone and while closed-loop clients upload the 1 MP JPEG (with or without rules); latency of 200 answers, nearest rank.")
    .Note($"The last row is the burst: {burstClients} uploaders at once with the default queue (64); 503 in the upload answers = refused by the full inference queue.");
uploads.Write(Console.Out, options.Out);
fetches.Write(Console.Out, options.Out);

static string PgFs(Npgsql.NpgsqlConnectionStringBuilder database) => $$"""
    data-store {
      provider = postgresql
      postgresql { host = "{{database.Host}}", port = {{database.Port}}, database = "{{database.Database}}", user = "{{database.Username}}", ssl-mode = disable }
    }
    object-store { provider = filesystem, filesystem.mount-path = "{directory}/objects" }
    """;

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
