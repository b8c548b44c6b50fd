// Written by hand: the served load-testing packages are either not available here (NBomber) or made for
// micro-benchmarks (BenchmarkDotNet); a closed loop of N clients with a stopwatch and a sorted list is all this needs.
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace Konifer.Bench.Upload;

/// <summary>
/// A closed loop: <see cref="BenchOptions.Concurrency"/> clients each upload the image to their own path, one
/// multipart request after the other, first for the warm-up (not counted), then for the measured window.
/// </summary>
public static class UploadLoad
{
    public static async Task<UploadResult> RunAsync(string stores, Uri server, byte[] image, BenchOptions options)
    {
        using var client = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromMinutes(1) };
        await LoopAsync(client, image, options.Concurrency, options.Warmup, null);
        var latencies = new List<double>();
        var errors = await LoopAsync(client, image, options.Concurrency, options.Duration, latencies);
        return new UploadResult(stores, options.Concurrency, options.Duration, latencies.Count, errors, (long)latencies.Count * image.Length, latencies);
    }

    /// <summary>Uploads until <paramref name="window"/> is over; records latencies of successes when asked. Returns failures.</summary>
    private static async Task<int> LoopAsync(HttpClient client, byte[] image, int concurrency, TimeSpan window, List<double>? latencies)
    {
        var end = Stopwatch.GetTimestamp() + (long)(window.TotalSeconds * Stopwatch.Frequency);
        var errors = 0;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var path = $"/assets/bench/client{worker}/photo";
            while (Stopwatch.GetTimestamp() < end)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.PostAsync(path, Multipart(image));
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    Interlocked.Increment(ref errors);
                    continue;
                }
                if (latencies is not null) lock (latencies) latencies.Add(elapsed);
            }
        })));
        return errors;
    }

    private static MultipartFormDataContent Multipart(byte[] image)
    {
        var content = new MultipartFormDataContent();
        var metadata = new StringContent("""{"alt":"bench"}""");
        metadata.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Add(metadata, "metadata");
        var asset = new ByteArrayContent(image);
        asset.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        content.Add(asset, "asset", "photo.jpg");
        return content;
    }
}
