namespace Konifer.Configuration.Reading;

/// <summary>
/// What the reader accepted but the operator should change (an older spelling of a key), collected during the one
/// reading pass and logged once at start-up. Each warning starts with the full key, like a <see cref="ConfigurationException"/>.
/// </summary>
internal sealed class ConfigurationWarnings
{
    private readonly List<string> _warnings = [];

    public IReadOnlyList<string> All => _warnings;

    public void Add(string key, string problem) => _warnings.Add($"{key}: {problem}");
}
