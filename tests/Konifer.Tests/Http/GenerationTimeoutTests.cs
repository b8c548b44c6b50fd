using System.Net;
using Konifer.Core.Images;
using Konifer.Core.Transformations;
using Konifer.Imaging;
using Konifer.Tests.TestSupport;
using Konifer.Variants.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace Konifer.Tests.Http;

/// <summary>
/// <c>variant-generation.timeout</c> in the server: the overrun is a 422 naming the key, nothing is stored, the
/// partial output is deleted and the worker serves the next request.
/// </summary>
public sealed class GenerationTimeoutTests
{
    /// <summary>Writes half an output, then never finishes unless cancelled: a job that cannot end in time. Other widths run for real.</summary>
    private sealed class StuckTransformer(int stuckWidth) : IImageTransformer
    {
        private readonly VipsImageTransformer _inner = new();

        public string? PartialOutput { get; private set; }

        public async Task<ImageAttributes> TransformAsync(string sourceFile, ImageAttributes source, Transformation transformation, string outputFile,
            CancellationToken cancellationToken)
        {
            if (transformation.Width != stuckWidth)
                return await _inner.TransformAsync(sourceFile, source, transformation, outputFile, cancellationToken);
            PartialOutput = outputFile;
            await File.WriteAllBytesAsync(outputFile, new byte[1000], CancellationToken.None);
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }

        public Task<PlaceholderPixels> RenderPlaceholderPixelsAsync(string imageFile, ImageAttributes image, int maxSide, CancellationToken cancellationToken) =>
            _inner.RenderPlaceholderPixelsAsync(imageFile, image, maxSide, cancellationToken);
    }

    [Fact]
    public async Task A_generation_past_the_timeout_is_422_stores_nothing_deletes_its_output_and_frees_the_worker()
    {
        var transformer = new StuckTransformer(stuckWidth: 10);
        await using var server = await KoniferTestServer.StartAsync("""
            data-store.provider = in-memory
            object-store { provider = filesystem, filesystem.mount-path = "{mount}" }
            variant-generation { workers = 1, timeout = 300ms }
            """, services: services => services.AddSingleton<IImageTransformer>(transformer));
        await server.Client.StoreAsync("/slow/a", TestImages.Gradient(120, 60));
        var objectsBefore = StoredObjects.Count(server);

        using var stuck = await server.Client.GetAsync("/assets/slow/a/-/content?w=10&format=webp");

        Assert.Equal((HttpStatusCode)422, stuck.StatusCode);
        var message = await stuck.ProblemMessageAsync();
        Assert.Contains("variant-generation.timeout (0.3 s)", message);
        Assert.NotNull(transformer.PartialOutput);
        Assert.False(File.Exists(transformer.PartialOutput), "the partial output was left behind");
        Assert.Equal(objectsBefore, StoredObjects.Count(server));
        var info = await server.Client.GetJsonAsync("/assets/slow/a/-/info");
        Assert.Equal(1, info.GetProperty("variants").GetArrayLength()); // the original only

        // One worker: the next job can only run if the stuck one let go of it.
        using var next = await server.Client.GetAsync("/assets/slow/a/-/content?w=20&format=webp");
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal(new ImageInfo("webpload", 20, 10), TestImages.Read(await next.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task A_real_libvips_job_past_a_tiny_timeout_is_cancelled_and_answers_422()
    {
        await using var server = await KoniferTestServer.StartAsync("""
            data-store.provider = in-memory
            object-store { provider = filesystem, filesystem.mount-path = "{mount}" }
            variant-generation { workers = 1, timeout = 1ms }
            """);
        // A wide blur of 9 MP takes libvips seconds, far beyond when a 1 ms timer fires even on a busy machine, and it
        // works tile by tile, where cancellation stops it.
        await server.Client.StoreAsync("/slow/photo", Noise(3000, 3000));
        var objectsBefore = StoredObjects.Count(server);

        using var response = await server.Client.GetAsync("/assets/slow/photo/-/content?blur=100&format=png");

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.Contains("variant-generation.timeout", await response.ProblemMessageAsync());
        Assert.Equal(objectsBefore, StoredObjects.Count(server));
        var scheduler = server.Services.GetRequiredService<VariantGenerationScheduler>();
        await Eventually.UntilAsync(() => Task.FromResult(scheduler.Running), running => running == 0, TimeSpan.FromSeconds(30),
            "the worker to be released");
    }

    private static byte[] Noise(int width, int height)
    {
        using var noise = NetVips.Image.Gaussnoise(width, height, mean: 128, sigma: 60);
        using var rgb = noise.Bandjoin(noise.Rot180(), noise.Flip(NetVips.Enums.Direction.Horizontal))
            .Cast(NetVips.Enums.BandFormat.Uchar).Copy(interpretation: NetVips.Enums.Interpretation.Srgb);
        return rgb.WriteToBuffer(".jpg[Q=90]");
    }
}
