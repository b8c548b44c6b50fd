namespace Konifer.Bench.Variants;

/// <summary>
/// One transformation of scenario 1. Request number k of a case asks for a width that cycles through 380–420 px
/// (a square crop stays square) and moves to the next original every 41 requests, so each request to the service is a
/// variant it has never made (a real miss) while the pixel work stays the same for every request and every side.
/// </summary>
internal sealed record MissCase(string Id, VariantSpec Spec)
{
    public const int CycleLength = 41;

    public static IReadOnlyList<MissCase> All { get; } =
    [
        new("webp", new VariantSpec("400 px WebP q80", 400, null, "webp", 80)),
        new("avif", new VariantSpec("400 px AVIF q50", 400, null, "avif", 50)),
        new("crop", new VariantSpec("400×400 crop g=attention, JPEG q80", 400, 400, "jpg", 80)),
    ];

    /// <summary>The transformation of request <paramref name="k"/>.</summary>
    public VariantSpec At(long k) => Spec.AtWidth(Spec.Width - CycleLength / 2 + (int)(k % CycleLength));

    /// <summary>Which original request <paramref name="k"/> reads (a new upload, or another copy of the file).</summary>
    public static long Original(long k) => k / CycleLength;
}
