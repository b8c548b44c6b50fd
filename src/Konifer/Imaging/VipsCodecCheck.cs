using NetVips;

namespace Konifer.Imaging;

/// <summary>What the start-up codec check found: the codecs that work and, for the others, why not.</summary>
internal sealed record VipsCodecReport(IReadOnlyList<string> Working, IReadOnlyList<string> Missing)
{
    public bool Complete => Missing.Count == 0;
}

/// <summary>
/// Proves each codec works instead of trusting what libvips lists: its loader and saver must exist and a tiny
/// image must survive a round trip through them, which also shows that libheif has an AV1 and an HEVC encoder.
/// </summary>
internal static class VipsCodecCheck
{
    public static VipsCodecReport Run(IEnumerable<VipsCodec> codecs)
    {
        var working = new List<string>();
        var missing = new List<string>();
        using var probe = Probe();
        foreach (var codec in codecs)
        {
            var absent = new[] { codec.Loader, codec.Saver }.Where(name => !Exists(name)).ToList();
            var problem = absent.Count > 0 ? $"no {string.Join(", ", absent)}" : RoundTrip(codec, probe);
            if (problem is null) working.Add(codec.Name);
            else missing.Add($"{codec.Name} ({problem})");
        }
        return new VipsCodecReport(working, missing);
    }

    public static bool Exists(string operation) => NetVips.NetVips.TypeFind("VipsOperation", operation) != IntPtr.Zero;

    /// <summary>16×16 with some detail: HEVC and AV1 encoders work on blocks of that size.</summary>
    private static Image Probe()
    {
        using var xy = Image.Xyz(16, 16);
        using var scaled = xy * 16;
        using var rgb = scaled.Bandjoin(scaled[0]);
        return rgb.Cast(Enums.BandFormat.Uchar);
    }

    private static string? RoundTrip(VipsCodec codec, Image probe)
    {
        try
        {
            var options = new VOption();
            foreach (var (key, value) in codec.SaveOptions ?? new Dictionary<string, object>()) options.Add(key, value);
            var encoded = (byte[])Operation.Call(codec.Saver + "_buffer", options, probe);
            using var decoded = (Image)Operation.Call(codec.Loader + "_buffer", encoded);
            _ = decoded.Avg();
            return decoded.Width == probe.Width ? null : $"{codec.Loader} read {decoded.Width} px wide, not {probe.Width}";
        }
        catch (VipsException e)
        {
            return $"round trip failed: {OneLine(e.Message)}";
        }
    }

    /// <summary>libvips errors span lines (the call, then the cause); the start-up message must stay one line.</summary>
    private static string OneLine(string message) =>
        string.Join(": ", message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
