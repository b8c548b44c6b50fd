using Konifer.Bench.Support;
using System.Diagnostics;

namespace Konifer.Bench.Variants;

/// <summary>
/// Scenario 4: how many eager variants per second the scheduler completes with 1, 2 and N workers. One server per
/// worker count (all started first, idle while another one is measured); in each run every server in turn gets K
/// uploads to a path with three eager profiles, and the clock runs from the first upload until the info of every
/// upload lists all three variants. libvips alone makes the same variants one after another in one thread.
/// </summary>
internal static class EagerScenario
{
    public static IReadOnlyList<(string Name, VariantSpec Spec)> Profiles { get; } =
    [
        ("thumb", new VariantSpec("400 px WebP q80", 400, null, "webp", 80)),
        ("card", new VariantSpec("300×300 crop g=attention, JPEG q80", 300, 300, "jpg", 80)),
        ("large", new VariantSpec("1200 px JPEG q80", 1200, null, "jpg", 80)),
    ];

    private sealed record Sample(double PerSecond, double UploadSeconds, double TotalSeconds);

    public static async Task<BenchReport> RunAsync(VariantsOptions options, string photo, string work)
    {
        var copies = SourcePhoto.Copies(photo, Path.Combine(work, "eager-copies"), 16);
        var servers = new Dictionary<int, BenchServer>();
        try
        {
            foreach (var workers in options.Workers)
                servers[workers] = await BenchServer.InMemoryAsync(Configuration(workers));
            var loadBefore = LoadAverage();
            foreach (var (workers, server) in servers) await MeasureAsync(server, $"/eager/warmup-{workers}", 1, photo); // JIT, first libvips loads
            LibvipsSequential(copies, 1);

            var samples = options.Workers.ToDictionary(w => w, _ => new List<Sample>());
            var alone = new List<double>();
            for (var run = 0; run < options.Runs; run++)
            {
                var order = options.Workers.Skip(run % options.Workers.Count).Concat(options.Workers.Take(run % options.Workers.Count));
                foreach (var workers in order)
                    samples[workers].Add(await MeasureAsync(servers[workers], $"/eager/run{run}", options.Uploads, photo));
                alone.Add(LibvipsSequential(copies, options.Uploads));
                Console.Error.WriteLine($"4-eager-scaling: run {run + 1}/{options.Runs} done");
            }

            var variants = options.Uploads * Profiles.Count;
            var baseline = samples[options.Workers[0]];
            var report = new BenchReport("4-eager-scaling", "Eager variants: completed per second by worker count")
                .Column("generator").Column("variants/s", "0.0").Column($"÷ {options.Workers[0]} worker{(options.Workers[0] == 1 ? "" : "s")}", "0.00")
                .Column("÷ libvips alone", "0.00").Column("uploads s", "0.00").Column("until all variants s", "0.00");
            foreach (var workers in options.Workers)
            {
                var mine = samples[workers];
                report.Row($"Konifer, {workers} worker{(workers == 1 ? "" : "s")}", Stats.Median(mine.Select(s => s.PerSecond)),
                    Stats.Median(mine.Zip(baseline, (a, b) => a.PerSecond / b.PerSecond)),
                    Stats.Median(mine.Zip(alone, (a, b) => a.PerSecond / b)),
                    Stats.Median(mine.Select(s => s.UploadSeconds)), Stats.Median(mine.Select(s => s.TotalSeconds)));
            }
            report.Row("libvips alone, 1 thread, sequential", Stats.Median(alone), null, null, null, Stats.Median(alone.Select(a => variants / a)));
            return report
                .Note($"Per run and worker count: {options.Uploads} uploads (one client, one after another) of the {SourcePhoto.Size(photo).Width}×{SourcePhoto.Size(photo).Height} " +
                      $"JPEG ({new FileInfo(photo).Length / 1024} KB) to a path with eager profiles {string.Join(", ", Profiles.Select(p => $"{p.Name} ({p.Spec.Label})"))}: {variants} variants. " +
                      $"variants/s = {variants} ÷ time from the first upload until /-/info of every upload lists all of them (polled every 10 ms); it includes the uploads, which overlap generation.")
                .Note($"{options.Runs} runs; figures are medians over the runs, ratios medians of same-run ratios (the worker counts take turns within each run, in rotating order).")
                .Note($"Servers in this process, in-memory stores, libvips {NetVips.NetVips.Version(0)}.{NetVips.NetVips.Version(1)}.{NetVips.NetVips.Version(2)} " +
                      "(which itself runs each operation on up to one thread per core, so even one worker can use more than one core).")
                .Note($"{Environment.ProcessorCount} cores shared with the client and other work on the machine; load average {loadBefore} before, {LoadAverage()} after.");
        }
        finally
        {
            foreach (var server in servers.Values) await server.DisposeAsync();
        }
    }

    private static string Configuration(int workers) =>
        $"variant-generation.workers = {workers}\n" +
        "variant-profiles {\n" + string.Concat(Profiles.Select(p => $"  {p.Name} {p.Spec.Profile}\n")) + "}\n" +
        $"paths {{ \"/eager/**\" {{ transform.eager-variants = [{string.Join(", ", Profiles.Select(p => p.Name))}] }} }}";

    private static async Task<Sample> MeasureAsync(BenchServer server, string prefix, int uploads, string photo)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < uploads; i++) await server.UploadAsync($"{prefix}/{i}", photo);
        var uploaded = clock.Elapsed.TotalSeconds;
        for (var i = 0; i < uploads; i++)
            while (await server.VariantCountAsync($"{prefix}/{i}") < Profiles.Count)
                await Task.Delay(10);
        var total = clock.Elapsed.TotalSeconds;
        return new Sample(uploads * Profiles.Count / total, uploaded, total);
    }

    /// <summary>Variants per second of libvips alone making every profile of <paramref name="uploads"/> originals in turn.</summary>
    private static double LibvipsSequential(IReadOnlyList<string> copies, int uploads)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < uploads; i++)
            foreach (var (_, spec) in Profiles)
                GC.KeepAlive(LibvipsAlone.Transform(copies[i % copies.Count], spec));
        return uploads * Profiles.Count / clock.Elapsed.TotalSeconds;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}
