namespace Konifer.Inference;

/// <summary>Unit-length embeddings: the score is a plain dot product of an image and a prompt embedding.</summary>
internal static class Embeddings
{
    public static float[] Normalized(float[] vector)
    {
        var sum = 0.0;
        foreach (var v in vector) sum += (double)v * v;
        if (sum == 0) return vector;
        var scale = 1.0 / Math.Sqrt(sum);
        return vector.Select(v => (float)(v * scale)).ToArray();
    }
}
