namespace Konifer.Configuration;

/// <summary>The environment variables that beat <c>konifer.conf</c>, as the reference defines them.</summary>
public static class EnvironmentOverrides
{
    public static IReadOnlyDictionary<string, string?> Read(Func<string, string?> environment)
    {
        var overrides = new Dictionary<string, string?>();
        if (string.Equals(environment("IN_MEMORY")?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
        {
            overrides["data-store:provider"] = "in-memory";
            overrides["object-store:provider"] = "in-memory";
        }
        Map("PG_USER", "data-store:postgresql:user");
        Map("PG_PASSWORD", "data-store:postgresql:password");
        Map("S3_SECRET_KEY", "object-store:s3:secret-key");
        Map("URL_SIGNING_SECRET_KEY", "url-signing:secret-key");
        return overrides;

        void Map(string variable, string key)
        {
            var value = environment(variable);
            if (!string.IsNullOrEmpty(value)) overrides[key] = value;
        }
    }

    public static bool InMemoryRequested(Func<string, string?> environment) =>
        string.Equals(environment("IN_MEMORY")?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}
