namespace Konifer.Core.Images;

/// <summary>
/// How an output format's encoder uses memory, which decides both its pixel limit and what a job reserves from the
/// generation memory budget. Measured on libvips 8.14 (see <c>bench/README.md</c>, "Memory").
/// </summary>
public enum EncoderMemory
{
    /// <summary>Encodes strip by strip as libvips produces pixels (JPEG, PNG): memory stays small whatever the size.</summary>
    Streaming,

    /// <summary>Needs the whole output frame (and its own working copies) before it writes anything (WebP, AVIF, HEIC, JPEG XL, GIF).</summary>
    FullFrame,
}
