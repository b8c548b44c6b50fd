namespace Konifer.Rules;

/// <summary>
/// The image tower of the rule model (SigLIP2): one image in, one unit-length embedding out. The domain asks; an
/// adapter (Inference/) decodes, preprocesses and runs the model, off the request threads.
/// </summary>
public interface IImageEmbedder
{
    /// <summary>The model's name, the key its prompt embeddings are cached under (e.g. <c>SIGLIP2_BASE_PATCH16_224_TEXT</c>).</summary>
    string Model { get; }

    /// <summary>The L2-normalized embedding of the first page of the image in <paramref name="imageFile"/>.</summary>
    Task<float[]> EmbedImageAsync(string imageFile, CancellationToken cancellationToken);
}
