namespace Konifer.Configuration;

/// <summary>
/// Invalid configuration. <see cref="Key"/> is the full key of the offending value (for example
/// <c>paths."/users/**".transform.expire.strategy</c>); the message starts with it, then states the problem.
/// </summary>
public sealed class ConfigurationException : Exception
{
    public ConfigurationException(string key, string problem)
        : base($"{key}: {problem}")
    {
        Key = key;
        Problem = problem;
    }

    /// <summary>The full key of the offending value.</summary>
    public string Key { get; }

    /// <summary>The problem, without the key.</summary>
    public string Problem { get; }
}
