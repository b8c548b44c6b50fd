namespace Konifer.Paths;

/// <summary>
/// <c>transform.preprocessing</c>: whether uploads are transformed before they are stored, and the raw
/// transformation parameters written directly in the block (short names as in a query, plus <c>clamp-width</c> and
/// <c>clamp-height</c>). The older spellings, an <c>image { … }</c> block and <c>max-width</c>/<c>max-height</c>, are
/// read into the same names by the configuration reader, so this record only knows the current ones.
/// </summary>
public sealed record PreprocessingSettings(bool Enabled, IReadOnlyDictionary<string, string> Parameters)
{
    public static PreprocessingSettings Default { get; } =
        new(false, new Dictionary<string, string>(StringComparer.Ordinal).AsReadOnly());
}
