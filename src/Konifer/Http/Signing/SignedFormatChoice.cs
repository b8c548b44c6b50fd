using Konifer.Configuration;
using Konifer.Core.Images;

namespace Konifer.Http.Signing;

/// <summary>
/// What <c>Accept</c> may decide for a read, given <c>url-signing.negotiation</c>. The signature does not cover
/// <c>Accept</c>, so without a limit one signed URL yields a variant in each of the seven formats.
/// </summary>
public static class SignedFormatChoice
{
    /// <summary>
    /// The header to negotiate with (null when the signature pins the format: then the signed <c>format</c> parameter
    /// or the original's format applies, and nothing varies on <c>Accept</c>) and the formats it may pick from.
    /// </summary>
    public static (string? Accept, IReadOnlyCollection<ImageFormat> Formats) For(UrlSigningSettings signing, string? accept)
    {
        if (!signing.Enabled) return (accept, ImageFormats.All);
        var negotiation = signing.Negotiation;
        return negotiation.Pinned ? (null, ImageFormats.All) : (accept, negotiation.Formats);
    }
}
