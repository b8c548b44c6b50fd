// Written by hand: the served load-testing packages are either not available here (NBomber) or made for
// micro-benchmarks (BenchmarkDotNet); a closed loop of N clients with a stopwatch and a list is all this needs.
using System.Diagnostics;

namespace Konifer.Bench.Support;

/// <summary>What one closed-loop window achieved: latencies of the successful operations, failures, wall time.</summary>
public sealed record LoopResult(IReadOnlyList<double> LatenciesMs, int Errors, TimeSpan Elapsed)
{
    public int Operations => LatenciesMs.Count;

    public double PerSecond => LatenciesMs.Count / Elapsed.TotalSeconds;
}

/// <summary>
/// N clients, each starting its next operation when the previous one finished, until the window is over or
/// <c>maxOperations</c> were started. An operation returns false (or throws) for a failure. Latency is the
/// operation's own time; the elapsed time runs until the last operation in flight has finished.
/// </summary>
public static class ClosedLoop
{
    public static async Task<LoopResult> RunAsync(int clients, TimeSpan window, Func<int, Task<bool>> operation, long maxOperations = long.MaxValue)
    {
        var started = Stopwatch.GetTimestamp();
        var end = started + (long)(window.TotalSeconds * Stopwatch.Frequency);
        var latencies = new List<double>();
        var errors = 0;
        var count = 0L;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < end && Interlocked.Increment(ref count) <= maxOperations)
            {
                var begin = Stopwatch.GetTimestamp();
                bool ok;
                try
                {
                    ok = await operation(client);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    ok = false;
                }
                var elapsed = Stopwatch.GetElapsedTime(begin).TotalMilliseconds;
                if (!ok) Interlocked.Increment(ref errors);
                else lock (latencies) latencies.Add(elapsed);
            }
        })));
        return new LoopResult(latencies, errors, Stopwatch.GetElapsedTime(started));
    }
}
