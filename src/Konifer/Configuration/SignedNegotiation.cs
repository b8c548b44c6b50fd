using Konifer.Core.Images;

namespace Konifer.Configuration;

/// <summary>
/// <c>url-signing.negotiation</c>. A signature covers the URL, not the <c>Accept</c> header, so with negotiation one
/// signed URL can produce a variant per format. <c>accept</c> (the default, as before) lets <c>Accept</c> choose among
/// every format; a list of formats lets it choose only among those; <c>pinned</c> ignores <c>Accept</c>: the format is
/// the signed <c>format</c> parameter (or the profile's), else the original's.
/// </summary>
public sealed record SignedNegotiation(bool Pinned, IReadOnlyList<ImageFormat> Formats)
{
    public static SignedNegotiation Accept { get; } = new(false, ImageFormats.All);
    public static SignedNegotiation PinnedBySignature { get; } = new(true, []);

    public override string ToString() => Pinned ? "pinned" : string.Join(", ", Formats.Select(f => f.ShortName()));
}
