namespace Konifer.Paths;

/// <summary>
/// <c>transform.preprocessing</c>: whether uploads are transformed before they are stored, and the raw
/// transformation parameters of <c>transform.preprocessing.image</c> (including <c>max-width</c> and
/// <c>max-height</c>) as configured. <c>max-width</c>/<c>max-height</c> written directly under
/// <c>transform.preprocessing</c> (as one reference example does) count as if written in <c>image</c>, where the
/// <c>image</c> block wins.
/// </summary>
public sealed record PreprocessingSettings(bool Enabled, IReadOnlyDictionary<string, string> Parameters)
{
    public static PreprocessingSettings Default { get; } =
        new(false, new Dictionary<string, string>(StringComparer.Ordinal).AsReadOnly());
}
