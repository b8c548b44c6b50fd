namespace Konifer.Http;

/// <summary>
/// The <c>K-Alt</c> value. Header values must be visible ASCII, so other text is percent-encoded; the rule must also
/// be reversible, or <c>é</c> and the literal text <c>%C3%A9</c> would give the same header. The alt is sent as is
/// only when it is visible ASCII (U+0020–U+007E) without <c>%</c> and without a leading or trailing space (HTTP drops
/// those); otherwise all of it is percent-encoded as UTF-8 (<see cref="Uri.EscapeDataString"/>: every byte but
/// <c>A–Z a–z 0–9 - . _ ~</c> as <c>%XX</c>). Either way one percent-decoding gives the alt back exactly.
/// </summary>
public static class AltHeader
{
    public static string Encode(string alt) => SafeAsIs(alt) ? alt : Uri.EscapeDataString(alt);

    /// <summary>What a client does: percent-decode once (<c>+</c> stays <c>+</c>).</summary>
    public static string Decode(string header) => Uri.UnescapeDataString(header);

    private static bool SafeAsIs(string alt) =>
        alt.All(c => c is >= ' ' and <= '~' and not '%') && !alt.StartsWith(' ') && !alt.EndsWith(' ');
}
