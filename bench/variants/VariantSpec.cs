using System.Globalization;

namespace Konifer.Bench.Variants;

/// <summary>
/// One transformation, written the three ways it is requested: as a Konifer query (or profile), as ipx modifiers,
/// and as the libvips calls that do it alone. With <see cref="Height"/> it is a cover crop by attention, else a
/// width-only resize that keeps the aspect.
/// </summary>
internal sealed record VariantSpec(string Label, int Width, int? Height, string Format, int Quality)
{
    public bool Crop => Height is not null;

    /// <summary>The same transformation at another width (a square crop stays square).</summary>
    public VariantSpec AtWidth(int width) => this with { Width = width, Height = Crop ? width : null };

    public string KoniferQuery => Crop
        ? Invariant($"w={Width}&h={Height}&fit=crop&g=attention&format={Format}&q={Quality}")
        : Invariant($"w={Width}&format={Format}&q={Quality}");

    /// <summary>The body of a <c>variant-profiles</c> entry.</summary>
    public string Profile => Crop
        ? Invariant($"{{ w = {Width}, h = {Height}, fit = crop, g = attention, format = {Format}, q = {Quality} }}")
        : Invariant($"{{ w = {Width}, format = {Format}, q = {Quality} }}");

    /// <summary>ipx 3 modifiers: <c>s_WxH,fit_cover,position_attention</c> is sharp's cover resize with the attention strategy.</summary>
    public string IpxModifiers => (Crop ? Invariant($"s_{Width}x{Height},fit_cover,position_attention") : Invariant($"w_{Width}")) +
        Invariant($",f_{(Format == "jpg" ? "jpeg" : Format)},q_{Quality}");

    /// <summary>What libvips reports as <c>vips-loader</c> when it decodes the output.</summary>
    public string ExpectedLoader => Format switch
    {
        "webp" => "webpload_buffer",
        "avif" => "heifload_buffer",
        "jpg" => "jpegload_buffer",
        _ => throw new ArgumentOutOfRangeException(nameof(Format), Format, "Not a benchmarked format"),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
