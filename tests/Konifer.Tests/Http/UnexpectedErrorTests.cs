using System.Net;
using Konifer.Core.Images;
using Konifer.Core.Transformations;
using Konifer.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Konifer.Tests.Http;

/// <summary>A bug inside a request answers a generic 500 problem: nothing of the exception reaches the client.</summary>
public sealed class UnexpectedErrorTests
{
    private const string Secret = "/srv/konifer/internal/secret-location.cs";

    /// <summary>Fails every variant as a bug deep inside the engine would, with a message full of internals.</summary>
    private sealed class BrokenTransformer(IImageTransformer inner) : IImageTransformer
    {
        public Task<ImageAttributes> TransformAsync(string sourceFile, ImageAttributes source, Transformation transformation, string outputFile,
            CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"Invariant broken in {Secret} while reading {sourceFile}");

        public Task<PlaceholderPixels> RenderPlaceholderPixelsAsync(string imageFile, ImageAttributes image, int maxSide, CancellationToken cancellationToken) =>
            inner.RenderPlaceholderPixelsAsync(imageFile, image, maxSide, cancellationToken);
    }

    [Fact]
    public async Task An_unexpected_exception_is_a_500_problem_without_message_type_stack_or_paths()
    {
        await using var server = await KoniferTestServer.StartAsync(services: services =>
            services.AddSingleton<IImageTransformer>(new BrokenTransformer(new Konifer.Imaging.VipsImageTransformer())));
        await server.Client.StoreAsync("/bugs/a", TestImages.Gradient(40, 20));

        using var response = await server.Client.GetAsync("/assets/bugs/a/-/content?w=10");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal("An unexpected error occurred. The server log has the details.", problem.GetProperty("detail").GetString());
        var body = problem.GetRawText();
        foreach (var leak in new[] { Secret, "secret-location", "Invariant broken", "InvalidOperationException", "Exception", "   at ", "Konifer.", ".cs", "/tmp", "stack", "trace" })
            Assert.DoesNotContain(leak, body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["detail", "message", "status", "title", "type"], problem.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("Internal Server Error", problem.GetProperty("title").GetString());

        // The server is still fine afterwards.
        using var original = await server.Client.GetAsync("/assets/bugs/a/-/content");
        Assert.Equal(HttpStatusCode.OK, original.StatusCode);
    }
}
