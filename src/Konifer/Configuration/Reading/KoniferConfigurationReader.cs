using System.Text.Json.Nodes;

namespace Konifer.Configuration.Reading;

/// <summary>
/// Reads the parsed <c>konifer.conf</c> into a <see cref="KoniferConfiguration"/> in one pass, so that every mistake
/// stops start-up with a message naming the key (dotted, as the user wrote it) and what is wrong with its value.
/// </summary>
public static class KoniferConfigurationReader
{
    /// <param name="document">The parsed file with the environment's overrides applied (see <see cref="EnvironmentOverrides"/>).</param>
    /// <param name="frameworkAllowedHosts">
    /// ASP.NET Core's own <c>AllowedHosts</c> as the host's configuration has it (the file, the environment, the
    /// command line); when null, the document's top-level <c>AllowedHosts</c>.
    /// </param>
    /// <exception cref="ConfigurationException">A value is wrong or a key is unknown; the exception names the key.</exception>
    public static KoniferConfiguration Read(JsonObject document, string? frameworkAllowedHosts = null)
    {
        var root = ConfigReader.Root(document);
        var missing = new MissingKeys();
        var settings = new KoniferSettings(
            DataStoreReader.Read(root.Section("data-store")),
            ObjectStoreReader.Read(root.Section("object-store"), missing),
            HttpReader.Read(root.Section("http"), frameworkAllowedHosts ?? root.String("AllowedHosts")),
            SourceReader.Read(root.Section("source")),
            VariantGenerationReader.Read(root.Section("variant-generation")),
            UrlSigningReader.Read(root.Section("url-signing"), missing));
        settings = settings with { Instance = InstanceReader.Read(root.Section("instance"), settings.DataStore) };
        var profiles = VariantProfilesReader.Read(root);
        VariantProfilesReader.CheckParameters(profiles);
        var warnings = new ConfigurationWarnings();
        var paths = PathRulesReader.Read(root, profiles, warnings);
        // A path block's keys count as known even when the file has no block, so that a misplaced one finds its name.
        PathSettingsReader.Read(new ConfigReader(null, "paths.\"/**\"", root.Usage), profiles);
        var metrics = MetricsReader.Read(root.Section("metrics"));
        var auth = AuthReader.Read(root.Section("auth"), missing, warnings);
        var rules = RuleDefinitionsReader.Read(root) with { SearchEnabled = paths.EnablesSearchAnywhere };
        UnknownKeys.Check(document, root.Usage!, warnings);
        missing.ThrowFirst();
        RuleDefinitionsReader.CheckReferences(paths, rules.Definitions);
        return new KoniferConfiguration(settings, profiles, paths) { Warnings = warnings.All, Metrics = metrics, Rules = rules, Auth = auth };
    }
}
