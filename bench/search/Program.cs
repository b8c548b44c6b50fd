// Search benchmark (issue 15, part 3): query latency of GET /-/search's ranking at 10k and 100k entries with 768-float
// random unit vectors (SigLIP2 base's size) inserted straight into PostgreSQL, for
//   (a) ranking in SQL over real[] (a dot product over unnest; a few queries show the order of magnitude),
//   (b) the service's in-process index (PostgresAssetRepository: cold load on the first search, then warm queries), and
//   (c) the in-memory store (brute force over its own index),
// each one query at a time and with --concurrency queries at once. Only the ranking is timed (no text tower, no HTTP).
// Usage: dotnet run -c Release --project bench/search [-- --sizes 10000,100000 --queries 40 --concurrency 4 --sql-queries 3]
using System.Diagnostics;
using System.Globalization;
using Konifer.Bench;
using Konifer.Bench.Search;
using Konifer.Bench.Support;
using Konifer.Core.Assets;
using Konifer.Search;
using Konifer.Storage.Metadata;
using Konifer.Storage.Metadata.Postgres;
using Npgsql;

var options = new BenchArgs(args, "--sizes", "--dimensions", "--queries", "--concurrency", "--sql-queries");
var sizes = (options.String("--sizes") ?? "10000,100000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
var dimensions = options.Int("--dimensions", 768);
var queries = options.Int("--queries", 40);
var concurrency = options.Int("--concurrency", 4);
var sqlQueries = options.Int("--sql-queries", 3);
const string Model = "BENCH_SIGLIP2";
var root = AssetPath.Parse("/bench");

var report = new BenchReport("search", $"Search ranking, {dimensions}-float unit vectors, top 20 of the whole subtree")
    .Column("entries", "0").Column("side").Column("load s", "0.0").Column("MB held", "0").Column("p50 ms", "0.0").Column("p95 ms", "0.0")
    .Column($"p50 ms ×{concurrency}", "0.0").Column($"p95 ms ×{concurrency}", "0.0");
Console.Error.WriteLine($"{Environment.ProcessorCount} cores, load average {Vectors.LoadAverage()}");

await using var postgres = await LocalPostgres.StartAsync(Repository.Root);
foreach (var size in sizes)
{
    var random = new Random(size);
    var database = await postgres.CreateDatabaseAsync();
    await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
    await new PostgresMigrator(dataSource).MigrateAsync(CancellationToken.None);
    var fill = Stopwatch.StartNew();
    await Fill.PostgresAsync(dataSource, size, dimensions, Model, random);
    Console.Error.WriteLine($"{size} rows inserted in {fill.Elapsed.TotalSeconds:0.0} s");
    var probes = Enumerable.Range(0, Math.Max(queries, sqlQueries)).Select(_ => Vectors.RandomUnit(random, dimensions)).ToArray();

    // (a) SQL over real[]
    var sql = new List<double>();
    for (var i = 0; i < sqlQueries; i++) sql.Add(await Timed(() => SqlRanking.TopAsync(dataSource, root, Model, probes[i], 20)));
    report.Row(size, "SQL dot product over real[]", null, null, Stats.Median(sql), Stats.Percentile(sql, 95), null, null);
    Console.Error.WriteLine($"SQL: {string.Join(", ", sql.Select(s => s.ToString("0", CultureInfo.InvariantCulture)))} ms");

    // (b) the in-process index of a fresh instance
    var before = Vectors.ManagedBytes();
    var repository = new PostgresAssetRepository(dataSource);
    var cold = await Timed(() => repository.RankAsync(new SimilarityQuery(Model, root, probes[0], 20), CancellationToken.None));
    var held = (Vectors.ManagedBytes() - before) / 1e6;
    var (p50, p95, cp50, cp95) = await LatenciesAsync(repository, probes);
    report.Row(size, "in-process index (PostgreSQL)", cold / 1000, held, p50, p95, cp50, cp95);
    Console.Error.WriteLine($"index: cold {cold:0} ms, {held:0} MB, warm p50 {p50:0.0} ms");
    GC.KeepAlive(repository);

    // (c) the in-memory store
    before = Vectors.ManagedBytes();
    var memory = new InMemoryAssetRepository();
    var load = Stopwatch.StartNew();
    await Fill.InMemoryAsync(memory, size, dimensions, Model, random);
    var memoryHeld = (Vectors.ManagedBytes() - before) / 1e6;
    (p50, p95, cp50, cp95) = await LatenciesAsync(memory, probes);
    report.Row(size, "in-memory store", load.Elapsed.TotalSeconds, memoryHeld, p50, p95, cp50, cp95);
    GC.KeepAlive(memory);
}
report.Note($"{Environment.ProcessorCount} cores, load average {Vectors.LoadAverage()} at the end. 'load s' is the first search of a fresh " +
    "instance (reading every vector) for the index, the inserts for the in-memory store; 'MB held' the managed heap it added. " +
    $"Latencies over {queries} random query vectors; ×{concurrency}: each query's latency with {concurrency} running at once.");
report.Write(Console.Out, options.Out);

async Task<(double P50, double P95, double ConcurrentP50, double ConcurrentP95)> LatenciesAsync(IEntryEmbeddings store, float[][] probes)
{
    var one = new List<double>();
    for (var i = 0; i < queries; i++) one.Add(await Timed(() => store.RankAsync(new SimilarityQuery(Model, root, probes[i], 20), CancellationToken.None)));
    var many = new System.Collections.Concurrent.ConcurrentBag<double>();
    var next = -1;
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < queries)
            many.Add(await Timed(() => store.RankAsync(new SimilarityQuery(Model, root, probes[i], 20), CancellationToken.None)));
    })));
    return (Stats.Median(one), Stats.Percentile(one, 95), Stats.Median(many), Stats.Percentile(many, 95));
}

static async Task<double> Timed<T>(Func<Task<T>> action)
{
    var watch = Stopwatch.StartNew();
    var result = await action();
    if (result is System.Collections.ICollection { Count: 0 }) throw new InvalidOperationException("The ranking found nothing.");
    return watch.Elapsed.TotalMilliseconds;
}
