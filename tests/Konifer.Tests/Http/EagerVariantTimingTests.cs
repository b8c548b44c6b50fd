using System.Net;
using Konifer.Core.Images;
using Konifer.Core.Transformations;
using Konifer.Imaging;
using Konifer.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Konifer.Tests.Http;

/// <summary>An upload's 201 never waits for its eager variants: with generation held, the 201 still arrives.</summary>
public sealed class EagerVariantTimingTests
{
    /// <summary>The real transformer behind a gate the test opens; reports when a transformation is waiting at it.</summary>
    private sealed class GatedTransformer : IImageTransformer
    {
        private readonly VipsImageTransformer _inner = new();
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Waiting { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Open() => _gate.TrySetResult();

        public async Task<ImageAttributes> TransformAsync(string sourceFile, ImageAttributes source, Transformation transformation, string outputFile,
            CancellationToken cancellationToken)
        {
            Waiting.TrySetResult();
            await _gate.Task.WaitAsync(cancellationToken);
            return await _inner.TransformAsync(sourceFile, source, transformation, outputFile, cancellationToken);
        }

        public Task<PlaceholderPixels> RenderPlaceholderPixelsAsync(string imageFile, ImageAttributes image, int maxSide, CancellationToken cancellationToken) =>
            _inner.RenderPlaceholderPixelsAsync(imageFile, image, maxSide, cancellationToken);
    }

    [Fact]
    public async Task The_201_arrives_while_the_eager_variant_is_still_being_generated()
    {
        var transformer = new GatedTransformer();
        await using var server = await KoniferTestServer.StartAsync("""
            data-store.provider = in-memory
            object-store.provider = in-memory
            variant-profiles { thumb { w = 30, format = webp } }
            paths { "/eager/**" { transform.eager-variants = [thumb] } }
            """, services: services => services.AddSingleton<IImageTransformer>(transformer));

        try
        {
            // A deadline only so that a 201 that waits for the gate fails here instead of hanging the run.
            using var stored = await server.Client.PostAsync("/assets/eager/a", AssetRequests.Multipart(TestImages.Gradient(120, 60)))
                .WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(HttpStatusCode.Created, stored.StatusCode);

            await transformer.Waiting.Task.WaitAsync(TimeSpan.FromSeconds(60)); // the eager job did start
            var pending = await server.Client.GetJsonAsync("/assets/eager/a/-/info");
            Assert.Equal(1, pending.GetProperty("variants").GetArrayLength()); // only the original so far
        }
        finally
        {
            transformer.Open();
        }

        await Eventually.UntilAsync(
            async () => (await server.Client.GetJsonAsync("/assets/eager/a/-/info")).GetProperty("variants").GetArrayLength(),
            count => count == 2, TimeSpan.FromSeconds(30), "Generating the eager variant once the gate opened");
        using var thumb = await server.Client.GetAsync("/assets/eager/a/-/content?profile=thumb");
        Assert.Equal("hit", thumb.Headers.GetValues("K-Cache-Status").Single());
        Assert.Equal(new ImageInfo("webpload", 30, 15), TestImages.Read(await thumb.Content.ReadAsByteArrayAsync()));
    }
}
