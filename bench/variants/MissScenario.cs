using Konifer.Bench.Support;
namespace Konifer.Bench.Variants;

/// <summary>
/// Scenario 1: on-demand variants on a cache miss. For each case, in each run, the service, ipx and libvips alone in
/// turn (the order rotates from run to run) make the same variants: first one request after another (latency), then
/// a few clients at once for a time window (throughput). Every figure is the median over the runs, every ratio the
/// median of the ratios of the same run.
/// </summary>
internal static class MissScenario
{
    private sealed record Sample(double P50, double P95, double PerSecond);

    public static async Task<BenchReport> RunAsync(VariantsOptions options, string photo, string work)
    {
        var source = SourcePhoto.Size(photo);
        var copies = SourcePhoto.Copies(photo, Path.Combine(work, "ipx-root"), 16);
        await using var server = await BenchServer.InMemoryAsync();
        await using var ipx = await IpxPeer.StartAsync(Path.Combine(work, "ipx-root"), Path.Combine(work, "ipx-state"));
        MissTarget[] targets = [new KoniferTarget(server, photo), new IpxTarget(ipx, copies), new LibvipsTarget(copies)];
        var loadBefore = LoadAverage();

        // Warm-up (JIT, sharp's first load), and a check that every side makes what was asked.
        foreach (var c in MissCase.All)
            foreach (var target in targets)
                for (var i = 0; i < 2; i++)
                {
                    var k = target.Next(c);
                    MissTarget.Verify(target.Name, await target.RequestAsync(c, k), c.At(k), source);
                }
        Console.Error.WriteLine($"1-miss: outputs checked (format and size decoded by libvips); {ipx.Version} on {ipx.Endpoint}");

        var samples = MissCase.All.ToDictionary(c => c.Id, _ => targets.ToDictionary(t => t.Name, _ => new List<Sample>()));
        var window = TimeSpan.FromSeconds(options.Seconds);
        for (var run = 0; run < options.Runs; run++)
        {
            foreach (var c in MissCase.All)
                foreach (var target in targets.Skip(run % targets.Length).Concat(targets.Take(run % targets.Length)))
                {
                    await target.PrepareAsync(c, target.Peek(c) + options.Iterations);
                    var latencies = await ClosedLoop.SequentialAsync(() => target.RequestAsync(c, target.Next(c)), options.Iterations);
                    var p50 = Stats.Median(latencies);
                    // Enough uploads for twice the requests the latency lets one expect, so none happens in the window.
                    await target.PrepareAsync(c, target.Peek(c) + (long)(2 * options.Clients * window.TotalMilliseconds / p50) + 10);
                    var perSecond = await ClosedLoop.ThroughputAsync(() => target.RequestAsync(c, target.Next(c)), options.Clients, window);
                    samples[c.Id][target.Name].Add(new Sample(p50, Stats.Percentile(latencies, 95), perSecond));
                }
            Console.Error.WriteLine($"1-miss: run {run + 1}/{options.Runs} done");
        }

        var report = new BenchReport("1-miss", "On-demand variant, cache miss: Konifer vs ipx vs libvips alone")
            .Column("case").Column("side").Column("p50 ms", "0.0").Column("p95 ms", "0.0")
            .Column($"req/s ({options.Clients} clients)", "0.0")
            .Column("p50 ÷ libvips", "0.00").Column("p50 ÷ ipx", "0.00")
            .Column("req/s ÷ libvips", "0.00").Column("req/s ÷ ipx", "0.00");
        foreach (var c in MissCase.All)
        {
            var of = samples[c.Id];
            foreach (var target in targets)
            {
                var mine = of[target.Name];
                double? Ratio(string other, Func<Sample, double> figure) => target is LibvipsTarget || other == target.Name
                    ? null
                    : Stats.Median(mine.Zip(of[other], (a, b) => figure(a) / figure(b)));
                report.Row(c.Spec.Label, target.Name,
                    Stats.Median(mine.Select(s => s.P50)), Stats.Median(mine.Select(s => s.P95)), Stats.Median(mine.Select(s => s.PerSecond)),
                    Ratio("libvips alone", s => s.P50), target is KoniferTarget ? Ratio("ipx", s => s.P50) : null,
                    Ratio("libvips alone", s => s.PerSecond), target is KoniferTarget ? Ratio("ipx", s => s.PerSecond) : null);
            }
        }
        return report
            .Note($"Input: {source.Width}×{source.Height} JPEG, {new FileInfo(photo).Length / 1024} KB. {options.Runs} runs; per run and side " +
                  $"{options.Iterations} sequential requests (p50/p95, nearest rank) and {options.Clients} closed-loop clients for {options.Seconds:0.#} s (req/s); " +
                  "figures are medians over the runs, ratios medians of same-run ratios.")
            .Note($"Each request is a new variant: width cycles 380–420 px, a new upload (Konifer) or another copy of the file (ipx, libvips) every {MissCase.CycleLength} requests; every Konifer answer was checked to be K-Cache-Status: miss.")
            .Note($"Konifer: in this process, in-memory stores, {Environment.ProcessorCount} workers, libvips {NetVips.NetVips.Version(0)}.{NetVips.NetVips.Version(1)}.{NetVips.NetVips.Version(2)}; " +
                  $"libvips alone: same library and encoder options, in this process, file to memory; ipx: {ipx.Version}, separate Node.js process, HTTP on loopback.")
            .Note("Encoder differences that cannot be aligned from the URL: sharp writes AVIF with 4:4:4 chroma (libvips 4:2:0 below Q 90) and ipx asks for progressive JPEG.")
            .Note($"{Environment.ProcessorCount} cores shared with the client, all sides and other work on the machine; load average {loadBefore} before, {LoadAverage()} after.");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}
