using System.Diagnostics;
using System.Net;

namespace Konifer.Bench.Inference;

/// <summary>
/// Fetches of one stored variant at a steady rate (each client one request per <c>interval</c>, the next one at
/// once when a request took longer), the way readers keep coming whatever the upload load: the latency shows whether
/// fetches still get a core, where a closed loop of fetches would itself load the machine.
/// </summary>
public static class PacedFetches
{
    public static async Task<(List<double> LatenciesMs, Outcomes Outcomes)> RunAsync(
        HttpClient client, string url, int clients, TimeSpan interval, TimeSpan window)
    {
        var end = Stopwatch.GetTimestamp() + (long)(window.TotalSeconds * Stopwatch.Frequency);
        var latencies = new List<double>();
        var outcomes = new Outcomes();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            // Clients start spread over one interval, so requests do not arrive in lockstep.
            await Task.Delay(interval * c / clients);
            while (Stopwatch.GetTimestamp() < end)
            {
                var begin = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.GetAsync(url);
                    await response.Content.LoadIntoBufferAsync();
                    var elapsed = Stopwatch.GetElapsedTime(begin);
                    outcomes.Add((int)response.StatusCode);
                    if (response.StatusCode == HttpStatusCode.OK) lock (latencies) latencies.Add(elapsed.TotalMilliseconds);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    outcomes.Add(e.GetType().Name);
                }
                var wait = interval - Stopwatch.GetElapsedTime(begin);
                if (wait > TimeSpan.Zero) await Task.Delay(wait);
            }
        })));
        return (latencies, outcomes);
    }
}
