using Konifer.Paths;
using Konifer.Transformations;

namespace Konifer.Configuration.Reading;

/// <summary>
/// <c>transform.preprocessing</c>: <c>enabled</c>, and the transformation parameters (short names, as in a query) with
/// <c>clamp-width</c>/<c>clamp-height</c> written directly in the block, as the reference's newest configuration does.
/// The older spellings still read: an <c>image { … }</c> block and <c>max-width</c>/<c>max-height</c> for the clamps;
/// the newer spelling wins where both are written. The parameters are checked now, so a typo stops start-up.
/// </summary>
internal static class PreprocessingReader
{
    private const string Enabled = "enabled";
    private const string LegacyBlock = "image";

    private static readonly (string Legacy, string Current)[] Aliases =
    [
        (TransformationParameters.MaxWidth, TransformationParameters.ClampWidth),
        (TransformationParameters.MaxHeight, TransformationParameters.ClampHeight),
    ];

    public static PathSettings Read(ConfigReader preprocessing, PathSettings settings)
    {
        var parameters = new Dictionary<string, string>(preprocessing.Section(LegacyBlock).ParameterMap(), StringComparer.Ordinal);
        foreach (var (name, value) in preprocessing.Node ?? [])
            if (value is not null && name is not Enabled and not LegacyBlock)
                parameters[name] = preprocessing.ParameterText(name)!;
        foreach (var (legacy, current) in Aliases)
        {
            if (parameters.Remove(legacy, out var value)) parameters.TryAdd(current, value);
        }
        try
        {
            TransformationRequest.ParsePreprocessing(parameters);
        }
        catch (InvalidTransformationException e)
        {
            throw WhereWritten(preprocessing, e.Parameter).Error(e.Parameter, e.Message);
        }
        return settings with
        {
            PreprocessingEnabled = preprocessing.Bool(Enabled),
            PreprocessingParameters = parameters.Count == 0 && !preprocessing.Mentions(LegacyBlock) ? null : parameters.AsReadOnly(),
        };
    }

    /// <summary>The block a bad parameter came from: the older <c>image</c> block when only it writes the name.</summary>
    private static ConfigReader WhereWritten(ConfigReader preprocessing, string parameter)
    {
        var legacy = Aliases.Where(a => a.Current == parameter).Select(a => a.Legacy).FirstOrDefault();
        var image = preprocessing.Section(LegacyBlock);
        var direct = preprocessing.Mentions(parameter) || (legacy is not null && preprocessing.Mentions(legacy));
        return !direct && (image.Mentions(parameter) || (legacy is not null && image.Mentions(legacy))) ? image : preprocessing;
    }
}
