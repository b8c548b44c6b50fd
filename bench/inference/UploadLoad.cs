using System.Net;
using Konifer.Bench.Support;

namespace Konifer.Bench.Inference;

/// <summary>
/// Closed-loop uploads of one photo, each client to its own path under <c>/assets{root}</c>. An upload counts as
/// done when the server decided it: 201, or 400 when the rules rejected it (its latency includes the inference just
/// the same); anything else (a 503 from a full inference queue, say) is an error. Every answer is tallied.
/// </summary>
public static class UploadLoad
{
    public static Task<LoopResult> RunAsync(HttpClient client, string root, BenchPhoto photo, int clients, TimeSpan window, Outcomes outcomes, long maxUploads = long.MaxValue) =>
        ClosedLoop.RunAsync(clients, window, async worker =>
        {
            try
            {
                using var response = await client.PostAsync($"/assets{root}/{photo.Name}/client{worker}/photo", photo.Upload());
                outcomes.Add((int)response.StatusCode);
                return response.StatusCode is HttpStatusCode.Created or HttpStatusCode.BadRequest;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                outcomes.Add(e.GetType().Name);
                throw;
            }
        }, maxUploads);
}
