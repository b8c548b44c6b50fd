using System.Diagnostics;

namespace Konifer.Bench.Variants;

/// <summary>Latencies of one request after another, and throughput of a few clients that each wait for their answer.</summary>
internal static class ClosedLoop
{
    /// <summary>Milliseconds of <paramref name="count"/> requests made one after another.</summary>
    public static async Task<double[]> SequentialAsync(Func<Task> request, int count)
    {
        var samples = new double[count];
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await request();
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        return samples;
    }

    /// <summary>
    /// Requests per second of <paramref name="clients"/> clients, each sending its next request when the previous one
    /// is answered, until <paramref name="window"/> is over. Requests still running then are waited for and counted,
    /// and so is the time they take, so that slow requests are not cut off. Each client runs on a thread of its own,
    /// so synchronous work (libvips alone) runs in parallel too.
    /// </summary>
    public static async Task<double> ThroughputAsync(Func<Task> request, int clients, TimeSpan window)
    {
        var start = Stopwatch.GetTimestamp();
        var loops = Enumerable.Range(0, clients).Select(_ => Task.Factory.StartNew(async () =>
        {
            var done = 0;
            while (Stopwatch.GetElapsedTime(start) < window)
            {
                await request();
                done++;
            }
            return done;
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap()).ToArray();
        var completed = (await Task.WhenAll(loops)).Sum();
        return completed / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }
}
