using System.Net;
using Konifer.Bench.Support;

namespace Konifer.Bench.Upload;

/// <summary>One measured window of the service (multipart uploads, each client to its own path) or of the limit.</summary>
public static class UploadLoad
{
    public static Task<LoopResult> ServiceAsync(HttpClient client, string photo, byte[] image, int concurrency, TimeSpan window) =>
        ClosedLoop.RunAsync(concurrency, window, async worker =>
        {
            using var response = await client.PostAsync($"/assets/bench/{photo}/client{worker}/photo", Multipart.Jpeg(image));
            return response.StatusCode == HttpStatusCode.Created;
        });

    public static Task<LoopResult> LimitAsync(Limit limit, byte[] image, int concurrency, TimeSpan window) =>
        ClosedLoop.RunAsync(concurrency, window, worker => limit.StoreAsync(worker, image));
}
