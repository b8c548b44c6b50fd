using Konifer.UrlSigning;
namespace Konifer.Configuration;

/// <summary><c>url-signing</c>: when enabled, every GET/HEAD under <c>/assets</c> must carry a valid <c>s</c> parameter.</summary>
public sealed record UrlSigningSettings(bool Enabled, SigningAlgorithm Algorithm, string? SecretKey)
{
    public static UrlSigningSettings Disabled { get; } = new(false, SigningAlgorithm.HmacSha256, null);

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"Enabled = {Enabled}, Algorithm = {Algorithm}, SecretKey = {Secret.Mask(SecretKey)}, " +
                       $"SecretKeys = [{string.Join(", ", SecretKeys.Select(Secret.Mask))}], Negotiation = {Negotiation}");
        return true;
    }

    /// <summary>
    /// <c>url-signing.secret-keys</c>: more keys, for rotation. With <see cref="SecretKey"/> they make
    /// <see cref="VerificationKeys"/>; the first of those signs.
    /// </summary>
    public IReadOnlyList<string> SecretKeys { get; init; } = [];

    /// <summary><c>url-signing.negotiation</c>: how far <c>Accept</c> may choose the format of a signed read.</summary>
    public SignedNegotiation Negotiation { get; init; } = SignedNegotiation.Accept;

    /// <summary>Every key a signature may be made with: <c>secret-key</c> first when set, then <c>secret-keys</c> in order.</summary>
    public IReadOnlyList<string> VerificationKeys() =>
        (SecretKey is { Length: > 0 } key ? SecretKeys.Prepend(key) : SecretKeys).Distinct(StringComparer.Ordinal).ToArray();
}
