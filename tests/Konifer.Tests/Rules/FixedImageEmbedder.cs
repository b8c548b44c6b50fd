using Konifer.Rules;

namespace Konifer.Tests.Rules;

/// <summary>An image tower that answers one fixed unit vector and counts its runs.</summary>
internal sealed class FixedImageEmbedder(float[] vector) : IImageEmbedder
{
    private int calls;

    public string Model => "TEST_SIGLIP2";

    public int Calls => calls;

    public string? LastFile { get; private set; }

    public Task<float[]> EmbedImageAsync(string imageFile, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref calls);
        LastFile = imageFile;
        return Task.FromResult(vector);
    }
}
