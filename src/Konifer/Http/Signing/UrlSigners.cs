using Konifer.UrlSigning;
using Konifer.Configuration;

namespace Konifer.Http.Signing;

/// <summary>The server's <see cref="UrlSigner"/> from <c>url-signing</c>; kept apart so the signer knows no settings record.</summary>
public static class UrlSigners
{
    public static UrlSigner? FromSettings(UrlSigningSettings settings) =>
        settings.Enabled ? new UrlSigner(settings.Algorithm, settings.VerificationKeys()) : null;
}
