namespace Konifer.Configuration;

/// <summary>A configuration mistake; the message names the <c>konifer.conf</c> key and the problem.</summary>
public sealed class ConfigurationException(string key, string problem) : Exception($"{key}: {problem}")
{
    public string Key { get; } = key;
}
