using System.Text.Json.Nodes;
using Konifer.Configuration;
using Konifer.Configuration.Reading;
using Konifer.Hocon;

namespace Konifer.Hosting;

/// <summary>
/// Finds and parses <c>konifer.conf</c> (see <see cref="ConfigFileLocator"/>) and reads it with the environment's
/// overrides: the same steps for serving and for <c>--check-config</c>, so that a file that passes the check starts.
/// </summary>
public sealed record ConfigurationFile(string? Path, JsonObject Document)
{
    public static ConfigurationFile Find(KoniferHostOptions hostOptions)
    {
        var path = ConfigFileLocator.Locate(hostOptions.Environment, hostOptions.CurrentDirectory);
        var document = path is null
            ? new JsonObject()
            : HoconParser.ParseFile(path, new HoconParseSettings { Environment = hostOptions.Environment, BaseDirectory = System.IO.Path.GetDirectoryName(path) });
        return new ConfigurationFile(path, document);
    }

    /// <summary>
    /// The one reading pass; <paramref name="frameworkAllowedHosts"/> as <see cref="KoniferConfigurationReader.Read"/>
    /// takes it. Paths to local files (the rule model) are resolved against the caller's directory and checked.
    /// <paramref name="args"/> may carry <c>--role</c> (see <see cref="RoleSwitch"/>), which beats the file and the environment.
    /// </summary>
    public KoniferConfiguration Read(KoniferHostOptions hostOptions, string? frameworkAllowedHosts, IReadOnlyList<string>? args = null) =>
        RuleModelLocation.Resolve(
            KoniferConfigurationReader.Read(RoleSwitch.Apply(EnvironmentOverrides.Apply(Document, hostOptions.Environment), args ?? []),
                frameworkAllowedHosts),
            hostOptions.CurrentDirectory);
}
