using Konifer.Rules;

namespace Konifer.Tests.Rules;

public sealed class SimilarityScoreTests
{
    [Theory]
    [InlineData(1.0, 1.0)]
    [InlineData(0.0, 5.2015465301241655e-08)]
    [InlineData(-1.0, 6.090458278943652e-57)]
    public void The_score_of_a_cosine_is_the_sigmoid_of_the_scaled_and_shifted_cosine(double cosine, double expected)
    {
        Assert.Equal(expected, SimilarityScore.FromCosine(cosine), expected * 1e-9 + 1e-300);
    }

    [Fact]
    public void The_score_of_two_vectors_uses_their_dot_product()
    {
        // cos = 0.15: logit = 0.15 × exp(4.724453449249268) − 16.771724700927734 = 0.12861…, sigmoid = 0.53210…
        float[] text = [1f, 0f], image = [0.15f, MathF.Sqrt(1f - 0.15f * 0.15f)];

        Assert.Equal(0.5321084141197676, SimilarityScore.Of(text, image), 1e-6);
    }

    [Fact]
    public void Vectors_of_different_lengths_are_refused()
    {
        Assert.Throws<ArgumentException>(() => SimilarityScore.Of([1f, 0f], [1f]));
    }
}
