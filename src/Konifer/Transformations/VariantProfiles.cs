namespace Konifer.Transformations;

/// <summary>
/// Named transformation profiles from <c>variant-profiles</c>, each a raw parameter map (values in their string form;
/// lists joined by commas). Names are looked up case-insensitively, as the reference lower-cases them; they may hold
/// letters, digits and <c>-._~</c>.
/// </summary>
public sealed class VariantProfiles
{
    private static readonly IReadOnlyDictionary<string, string> NoParameters = new Dictionary<string, string>().AsReadOnly();
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _profiles;

    /// <exception cref="ArgumentException">A name is invalid (see <see cref="NameProblem"/>) or given twice.</exception>
    public VariantProfiles(IEnumerable<KeyValuePair<string, IReadOnlyDictionary<string, string>>> profiles)
    {
        _profiles = new Dictionary<string, IReadOnlyDictionary<string, string>>(NameComparer);
        foreach (var (name, parameters) in profiles)
        {
            if (NameProblem(name) is { } problem) throw new ArgumentException(problem, nameof(profiles));
            if (!_profiles.TryAdd(name, parameters))
                throw new ArgumentException($"the profile '{name}' is given twice", nameof(profiles));
        }
    }

    public static VariantProfiles Empty { get; } = new([]);

    /// <summary>How profile names compare: two names that differ only in case are the same profile.</summary>
    public static StringComparer NameComparer => StringComparer.OrdinalIgnoreCase;

    /// <summary>Null when <paramref name="name"/> can name a profile, else why not.</summary>
    public static string? NameProblem(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~')
            ? null
            : $"'{name}' is not a valid profile name: use letters, digits and -._~";

    /// <summary>Profile names as configured.</summary>
    public IReadOnlyCollection<string> Names => _profiles.Keys;

    public int Count => _profiles.Count;

    public bool Contains(string name) => _profiles.ContainsKey(name);

    public bool TryGet(string name, out IReadOnlyDictionary<string, string> parameters)
    {
        if (_profiles.TryGetValue(name, out var found))
        {
            parameters = found;
            return true;
        }
        parameters = NoParameters;
        return false;
    }
}
