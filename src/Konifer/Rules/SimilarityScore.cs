namespace Konifer.Rules;

/// <summary>
/// SigLIP2's sigmoid score of one prompt against one image: the cosine of the two unit embeddings scaled and shifted
/// by the learned logit scale and bias of google/siglip2-base-patch16-224, then squashed. Thresholds in configurations
/// written for the reference only mean the same here if these constants are the same.
/// </summary>
public static class SimilarityScore
{
    public const double LogitScale = 4.724453449249268; // the model's log scale; the factor is exp of it
    public const double LogitBias = -16.771724700927734;

    public static double Of(IReadOnlyList<float> textEmbedding, IReadOnlyList<float> imageEmbedding)
    {
        ArgumentNullException.ThrowIfNull(textEmbedding);
        ArgumentNullException.ThrowIfNull(imageEmbedding);
        if (textEmbedding.Count != imageEmbedding.Count)
            throw new ArgumentException($"The text embedding has {textEmbedding.Count} dimensions, the image embedding {imageEmbedding.Count}.", nameof(imageEmbedding));
        var cosine = 0.0;
        for (var i = 0; i < textEmbedding.Count; i++) cosine += (double)textEmbedding[i] * imageEmbedding[i];
        return FromCosine(cosine);
    }

    public static double FromCosine(double cosine)
    {
        var logit = cosine * Math.Exp(LogitScale) + LogitBias;
        return 1.0 / (1.0 + Math.Exp(-logit));
    }
}
