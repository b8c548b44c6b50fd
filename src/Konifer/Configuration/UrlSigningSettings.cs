namespace Konifer.Configuration;

/// <summary><c>url-signing</c>: when enabled, every GET/HEAD under <c>/assets</c> must carry a valid <c>s</c> parameter.</summary>
public sealed record UrlSigningSettings(bool Enabled, SigningAlgorithm Algorithm, string? SecretKey)
{
    public static UrlSigningSettings Disabled { get; } = new(false, SigningAlgorithm.HmacSha256, null);

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"Enabled = {Enabled}, Algorithm = {Algorithm}, SecretKey = {Secret.Mask(SecretKey)}, Negotiation = {Negotiation}");
        return true;
    }

    /// <summary><c>url-signing.negotiation</c>: how far <c>Accept</c> may choose the format of a signed read.</summary>
    public SignedNegotiation Negotiation { get; init; } = SignedNegotiation.Accept;
}
