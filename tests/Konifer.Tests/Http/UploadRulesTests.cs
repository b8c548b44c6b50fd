using System.Net;
using Konifer.Rules;
using Konifer.Tests.Inference;
using Konifer.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Konifer.Tests.Http;

/// <summary>
/// Upload rules end to end on the embedded stores with the tiny SigLIP2 model (Faults/ProductionUploadRulesTests runs
/// them on PostgreSQL and S3): refusals leave nothing behind, accepted uploads carry the rules' labels.
/// </summary>
[Collection(Siglip2Collection.Name)]
public sealed class UploadRulesTests(TinySiglip2 model)
{
    private Task<KoniferTestServer> StartAsync(Action<IServiceCollection>? services = null) =>
        KoniferTestServer.StartAsync(KoniferTestServer.FileSystemConfig + "\n" + UploadRulesWalk.Config(model.Directory), services: services);

    [Fact]
    public async Task A_matched_reject_rule_refuses_the_upload_with_its_violation_response_and_stores_nothing()
    {
        await using var server = await StartAsync();
        await StoredObjects.AssertNothingStoredAsync(server, "/screened/a",
            async () =>
            {
                await UploadRulesWalk.RefusedAsync(server.Client, "/screened/a", UploadRulesWalk.White, "No bright pictures here");
                return true;
            });
        await UploadRulesWalk.RejectRulesAsync(server.Client);
    }

    [Fact]
    public async Task With_default_reject_only_a_matched_accept_rule_lets_an_upload_in()
    {
        await using var server = await StartAsync();
        await UploadRulesWalk.AcceptRulesAsync(server.Client);
    }

    [Fact]
    public async Task Modify_rules_add_labels_over_the_requests_and_never_refuse()
    {
        await using var server = await StartAsync();
        await UploadRulesWalk.ModifyRulesAsync(server.Client);
    }

    [Fact]
    public async Task Url_sources_and_preprocessed_paths_are_screened_the_same_way()
    {
        await using var server = await StartAsync();
        await UploadRulesWalk.UrlSourcesAndPreprocessingAsync(server.Client);
        Assert.Equal(2, StoredObjects.Count(server)); // the black URL upload and the shrunk black one
    }

    [Fact]
    public async Task The_image_is_embedded_once_per_upload_whatever_the_number_of_rules()
    {
        var counting = new CountingImageEmbedder();
        await using var server = await StartAsync(services => services.AddSingleton<IImageEmbedder>(sp => counting.Over(sp)));

        await server.Client.StoreAsync("/screened/a", UploadRulesWalk.Black); // bright, never, anything: three rules
        await UploadRulesWalk.RefusedAsync(server.Client, "/twice/a", UploadRulesWalk.White, "Too bright; Glare");
        await server.Client.StoreAsync("/elsewhere/a", UploadRulesWalk.White); // no rules: no model

        Assert.Equal(2, counting.Calls);
    }

    [Fact]
    public async Task A_full_inference_queue_is_503_with_retry_after_and_no_internals()
    {
        await using var server = await StartAsync(services => services.AddSingleton<IImageEmbedder>(new BusyImageEmbedder()));

        using var response = await server.Client.PostAsync("/assets/screened/a", AssetRequests.Multipart(UploadRulesWalk.Black));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        var message = await response.ProblemMessageAsync();
        Assert.Contains("busy", message, StringComparison.Ordinal);
        Assert.DoesNotContain("queue-size", message, StringComparison.Ordinal);
        Assert.Equal(0, StoredObjects.Count(server));
    }

    /// <summary>Counts the image tower's runs, over the real one.</summary>
    private sealed class CountingImageEmbedder
    {
        private int calls;

        public int Calls => calls;

        public IImageEmbedder Over(IServiceProvider services) =>
            new Counting(new Konifer.Inference.Siglip2ImageEmbedder(services.GetRequiredService<Konifer.Inference.Siglip2Runtime>()), this);

        private sealed class Counting(IImageEmbedder inner, CountingImageEmbedder owner) : IImageEmbedder
        {
            public string Model => inner.Model;

            public Task<float[]> EmbedImageAsync(string imageFile, CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref owner.calls);
                return inner.EmbedImageAsync(imageFile, cancellationToken);
            }
        }
    }

    /// <summary>The pool's answer when its queue is full (InferencePoolTests shows the pool gives it).</summary>
    private sealed class BusyImageEmbedder : IImageEmbedder
    {
        public string Model => Konifer.Inference.Siglip2ModelFiles.ModelName;

        public Task<float[]> EmbedImageAsync(string imageFile, CancellationToken cancellationToken) =>
            Task.FromException<float[]>(new Konifer.Inference.InferenceQueueFullException(1));
    }
}
