namespace Konifer.Configuration.Reading;

/// <summary>
/// Keys that are required only because of another key's value (a filesystem store needs a mount path). Reported after
/// the unknown-key check: a misspelt <c>datastore.provider</c> leaves the defaults in force, and "mount-path is
/// required" would then send the user after the wrong key.
/// </summary>
internal sealed class MissingKeys
{
    private readonly List<ConfigurationException> _missing = [];

    public void Add(ConfigurationException missing) => _missing.Add(missing);

    public void ThrowFirst()
    {
        if (_missing.Count > 0) throw _missing[0];
    }
}
