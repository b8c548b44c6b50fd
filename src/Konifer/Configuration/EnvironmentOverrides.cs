using System.Text.Json.Nodes;

namespace Konifer.Configuration;

/// <summary>The environment variables that beat <c>konifer.conf</c>, as the reference defines them.</summary>
public static class EnvironmentOverrides
{
    /// <summary>The values the environment sets, by dotted key (<c>data-store.postgresql.user</c>).</summary>
    public static IReadOnlyDictionary<string, string> Read(Func<string, string?> environment)
    {
        var overrides = new Dictionary<string, string>();
        if (InMemoryRequested(environment))
        {
            overrides["data-store.provider"] = "in-memory";
            overrides["object-store.provider"] = "in-memory";
        }
        Map("PG_USER", "data-store.postgresql.user");
        Map("PG_PASSWORD", "data-store.postgresql.password");
        Map("S3_SECRET_KEY", "object-store.s3.secret-key");
        Map("URL_SIGNING_SECRET_KEY", "url-signing.secret-key");
        Map("KONIFER_MODEL_DIR", "rules.model-dir"); // ours: where a mounted SigLIP2 model is
        return overrides;

        void Map(string variable, string key)
        {
            var value = environment(variable);
            if (!string.IsNullOrEmpty(value)) overrides[key] = value;
        }
    }

    /// <summary>
    /// A copy of <paramref name="document"/> with the values of <see cref="Read"/> written in as strings. Whatever the
    /// file has on the way to such a key gives way, as the environment wins.
    /// </summary>
    public static JsonObject Apply(JsonObject document, Func<string, string?> environment)
    {
        var copy = (JsonObject)document.DeepClone();
        foreach (var (key, value) in Read(environment))
        {
            var names = key.Split('.');
            var parent = copy;
            foreach (var name in names[..^1])
            {
                if (parent[name] is not JsonObject child)
                {
                    child = new JsonObject();
                    parent[name] = child;
                }
                parent = child;
            }
            parent[names[^1]] = value;
        }
        return copy;
    }

    public static bool InMemoryRequested(Func<string, string?> environment) =>
        string.Equals(environment("IN_MEMORY")?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}
