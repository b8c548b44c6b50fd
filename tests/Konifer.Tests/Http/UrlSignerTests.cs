using Konifer.UrlSigning;
using Konifer.Configuration;
using Konifer.Http.Signing;

namespace Konifer.Tests.Http;

/// <summary>UrlSigner as a client helper: what SignUrl produces must be the documented signature.</summary>
public sealed class UrlSignerTests
{
    [Theory]
    [InlineData(SigningAlgorithm.HmacSha256, "hmac_sha256")]
    [InlineData(SigningAlgorithm.HmacSha384, "hmac_sha384")]
    [InlineData(SigningAlgorithm.HmacSha512, "hmac_sha512")]
    public void SignUrl_appends_the_signature_of_the_documented_payload(SigningAlgorithm algorithm, string name)
    {
        var signer = new UrlSigner(algorithm, "k");
        var signed = signer.SignUrl("https://cdn.example/assets/a/b/-/content?w=10&format=png&s=old&label%3Ax=y+z");
        var expected = ReferenceSignature.Sign(name, "k",
            ReferenceSignature.Payload("/assets/a/b/-/content", ("w", "10"), ("format", "png"), ("label:x", "y z")));
        Assert.Equal($"https://cdn.example/assets/a/b/-/content?w=10&format=png&label%3Ax=y+z&s={expected}", signed);
    }

    [Fact]
    public void A_path_without_parameters_is_signed_alone()
    {
        var signed = new UrlSigner(SigningAlgorithm.HmacSha256, "k").SignUrl("/assets/a");
        Assert.Equal("/assets/a?s=" + ReferenceSignature.Sign("hmac_sha256", "k", "/assets/a"), signed);
    }

    [Fact]
    public void Verify_accepts_its_own_signature_and_nothing_else()
    {
        var signer = new UrlSigner(SigningAlgorithm.HmacSha256, "k");
        var signature = signer.Sign("/assets/a", "w=1&h=2");
        Assert.True(signer.Verify("/assets/a", "h=2&w=1", signature));
        Assert.False(signer.Verify("/assets/a", "h=2&w=3", signature));
        Assert.False(signer.Verify("/assets/b", "h=2&w=1", signature));
        Assert.False(signer.Verify("/assets/a", "h=2&w=1", signature[..^1]));
    }
}
