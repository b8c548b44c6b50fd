using Konifer.UrlSigning;
using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using Konifer.Core.Assets;
using Konifer.Core.Images;
using Konifer.Paths;
using Konifer.Rules;

namespace Konifer.Configuration;

/// <summary>
/// What <c>--check-config</c> prints: every setting the server will run with, defaults included, one per line as
/// <c>key = value</c> in konifer.conf's own keys and spellings (so a line can be copied into the file), secrets as
/// <c>***</c>; the path rules are shown as each pattern resolves with what it inherits. The settings records are
/// walked by reflection, and <see cref="Keys"/> renames the few whose shape differs from the file's.
/// </summary>
public static class EffectiveConfiguration
{
    /// <summary>Property names whose values are never printed.</summary>
    private static readonly string[] SecretNames = ["Password", "SecretKey", "SecretKeys", "SigningKeys"];

    /// <summary>
    /// Typed names (kebab-cased properties) whose key in konifer.conf differs; null for values derived from other keys,
    /// which are not printed. Names under a path pattern are written without <c>paths."pattern".</c>.
    /// </summary>
    private static readonly Dictionary<string, string?> Keys = new(StringComparer.Ordinal)
    {
        ["object-store.file-system-mount-path"] = "object-store.filesystem.mount-path",
        ["http.open-api-enabled"] = "http.openapi.enabled",
        ["data-store.postgresql.hit-cache.time-to-live"] = "data-store.postgresql.hit-cache.ttl",
        ["source.multipart-max-bytes"] = "source.multipart.max-bytes",
        ["source.url-allowed-domains"] = "source.url.allowed-domains",
        ["source.url-max-bytes"] = "source.url.max-bytes",
        ["source.url-max-redirects"] = "source.url.max-redirects",
        ["source.url-connect-timeout"] = "source.url.connect-timeout",
        ["source.url-read-timeout"] = "source.url.read-timeout",
        ["source.url-timeout"] = "source.url.timeout",
        ["variant-generation.max-bypass"] = null,
        ["variant-generation.large-job-workers"] = null,
        ["variant-generation.jobs.renew-interval"] = null,
        ["instance.runs-jobs"] = null,
        ["instance.serves-api"] = null,
        ["variant-generation.output-limits.streaming-max-pixels"] = "variant-generation.max-output-pixels.streaming",
        ["variant-generation.output-limits.full-frame-max-pixels"] = "variant-generation.max-output-pixels.full-frame",
        ["url-signing.negotiation.pinned"] = null,
        ["url-signing.negotiation.formats"] = null,
        ["transform-limits.max-width"] = "transform.limits.max-width",
        ["transform-limits.max-height"] = "transform.limits.max-height",
        ["transform-limits.max-pixels"] = "transform.limits.max-pixels",
        ["preprocessing.enabled"] = "transform.preprocessing.enabled",
        ["eager-variants"] = "transform.eager-variants",
        ["on-demand-variant-mode"] = "transform.on-demand-variant.mode",
        ["expiration.strategy"] = "transform.retention.expire.strategy",
        ["expiration.ttl"] = "transform.retention.expire.ttl",
        ["variant-cache.max-variants"] = "transform.retention.cache.max-variants",
        ["variant-cache.access-score-half-life"] = "transform.retention.cache.access-score-half-life",
        ["variant-cache.cap.max-variants"] = null,
        ["variant-cache.cap.access-score-half-life"] = null,
        ["bucket"] = "object-store.bucket",
        ["delivery.template-string"] = "delivery.template.string",
        ["delivery.presigned-ttl"] = "delivery.presigned.ttl",
        ["cache-control.shared-max-age"] = "cache-control.s-maxage",
        ["metrics.prometheus-enabled"] = "metrics.prometheus.enabled",
        ["metrics.prometheus-path"] = "metrics.prometheus.path",
        ["metrics.otlp-endpoint"] = "metrics.otlp.endpoint",
        ["rules.definitions"] = null,
        ["rules.uses-model"] = null,
        ["rules.search-enabled"] = null,
        ["rules.rule-evaluation-enabled"] = "api.rule-evaluation.enabled",
    };

    /// <summary>Enum values whose spelling in konifer.conf is not their kebab-cased name.</summary>
    private static readonly Dictionary<Enum, string> Spellings = new()
    {
        [ObjectStoreProvider.FileSystem] = "filesystem",
        [SigningAlgorithm.HmacSha256] = "hmac_sha256",
        [SigningAlgorithm.HmacSha384] = "hmac_sha384",
        [SigningAlgorithm.HmacSha512] = "hmac_sha512",
        [Transformations.OnDemandVariantMode.ProfileOnly] = "profile_only",
    };

    public static IReadOnlyList<string> Lines(KoniferConfiguration configuration)
    {
        var lines = new List<string>();
        Flatten(configuration.Settings, "", "", lines, depth: 0);
        lines.Add($"url-signing.negotiation = {Negotiation(configuration.Settings.UrlSigning.Negotiation)}");
        Flatten(configuration.Metrics, "", "metrics", lines, depth: 0);
        Flatten(configuration.Rules, "", "rules", lines, depth: 0);
        Flatten(configuration.Auth, "", "auth", lines, depth: 0); // api-keys print their hashes masked (ApiKeySettings.ToString)
        foreach (var definition in configuration.Rules.Definitions)
            lines.Add($"rule-definitions.{Text(definition.Name)} = {{ prompts = {Value(definition.Prompts.Select(RulePrompt.Display))}, threshold = {Value(definition.Threshold)} }}");
        foreach (var name in configuration.Profiles.Names.Order(StringComparer.Ordinal))
            if (configuration.Profiles.TryGet(name, out var parameters))
                lines.Add($"variant-profiles.{name} = {Value(parameters)}");
        foreach (var pattern in configuration.Paths.Patterns)
        {
            var segments = pattern.Segments.Where(s => s != PathPattern.AnySegments).Select(s => s == PathPattern.AnySegment ? "x" : s);
            if (!AssetPath.TryParse("/" + string.Join('/', segments), out var path, out _)) continue;
            var prefix = $"paths.\"{pattern}\".";
            var resolved = configuration.Paths.Resolve(path);
            Flatten(resolved, prefix, "", lines, depth: 0);
            foreach (var (name, value) in resolved.Preprocessing.Parameters)
                lines.Add($"{prefix}transform.preprocessing.{name} = {value}");
        }
        return lines;
    }

    private static string Negotiation(SignedNegotiation negotiation) =>
        negotiation.Pinned ? "pinned"
        : negotiation.Formats.SequenceEqual(ImageFormats.All) ? "accept"
        : "[" + string.Join(", ", negotiation.Formats.Select(f => f.ShortName())) + "]";

    /// <param name="pattern">The path pattern's <c>paths."…".</c>, kept out of the renaming.</param>
    /// <param name="name">The typed name so far.</param>
    private static void Flatten(object? value, string pattern, string name, List<string> lines, int depth)
    {
        if (depth < 8 && value is not null && IsSettingsObject(value.GetType()))
        {
            foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetIndexParameters().Length > 0 || property.Name == "EqualityContract") continue;
                if (property.PropertyType == typeof(SignedNegotiation) || property.Name == "Parameters") continue; // printed apart
                var child = name.Length == 0 ? Kebab(property.Name) : $"{name}.{Kebab(property.Name)}";
                var childValue = property.GetValue(value);
                if (SecretNames.Any(s => property.Name.EndsWith(s, StringComparison.Ordinal)) && childValue is IEnumerable<string> secrets)
                    Add(lines, pattern, child, "[" + string.Join(", ", secrets.Select(secret => Text(Secret.Mask(secret)))) + "]");
                else if (SecretNames.Any(s => property.Name.EndsWith(s, StringComparison.Ordinal)))
                    Add(lines, pattern, child, Secret.Mask(childValue?.ToString()) is var masked && childValue is string { Length: > 0 } ? Text(masked) : Value(null));
                else
                    Flatten(childValue, pattern, child, lines, depth + 1);
            }
            return;
        }
        Add(lines, pattern, name, name.EndsWith("allowed-content-types", StringComparison.Ordinal) && value is IEnumerable<ImageFormat> types
            ? "[" + string.Join(", ", types.Select(t => t.MediaType())) + "]"
            : Value(value));
    }

    private static void Add(List<string> lines, string pattern, string name, string value)
    {
        if (Keys.TryGetValue(name, out var key))
        {
            if (key is null) return;
            name = key;
        }
        lines.Add($"{pattern}{name} = {value}");
    }

    /// <summary>Our own records and classes are walked into; everything else is a value.</summary>
    private static bool IsSettingsObject(Type type) =>
        type.IsClass && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type) && type != typeof(Uri)
        && type.Namespace?.StartsWith("Konifer", StringComparison.Ordinal) == true
        && type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Any(p => p.Name != "EqualityContract");

    private static string Value(object? value) => value switch
    {
        null => "(not set)",
        string text => Text(text),
        Uri uri => Text(uri.ToString()),
        bool b => b ? "true" : "false",
        TimeSpan span => Duration(span),
        ImageFormat format => format.ShortName(),
        Enum choice => Spellings.TryGetValue(choice, out var spelling) ? spelling : Kebab(choice.ToString()),
        IDictionary dictionary => "{ " + string.Join(", ", dictionary.Keys.Cast<object>().Select(k => $"{k} = {Value(dictionary[k])}")) + " }",
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Value)) + "]",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>A string as HOCON reads it back: bare when it is a plain word, else quoted.</summary>
    private static string Text(string text) =>
        text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '/' or '+') && !text.Contains("//", StringComparison.Ordinal)
            ? text
            : System.Text.Json.JsonSerializer.Serialize(text);

    /// <summary>HOCON's duration units, the largest that divides the span: <c>30s</c>, <c>5m</c>, <c>1h</c>, <c>250ms</c>.</summary>
    private static string Duration(TimeSpan span)
    {
        if (span == TimeSpan.Zero) return "0s";
        foreach (var (unit, length) in (ReadOnlySpan<(string, TimeSpan)>)[("d", TimeSpan.FromDays(1)), ("h", TimeSpan.FromHours(1)), ("m", TimeSpan.FromMinutes(1)), ("s", TimeSpan.FromSeconds(1))])
            if (span.Ticks % length.Ticks == 0) return (span.Ticks / length.Ticks).ToString(CultureInfo.InvariantCulture) + unit;
        return span.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) + "ms";
    }

    private static string Kebab(string name)
    {
        if (name == "PostgreSql") return "postgresql"; // as konifer.conf spells it

        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1])))) builder.Append('-');
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }
}
