using System.Globalization;
using Konifer.Assets.Sources;
using Konifer.Core.Images;
using Konifer.Transformations;
using Konifer.Variants.Scheduling;
using Microsoft.Extensions.Configuration;

namespace Konifer.Configuration;

/// <summary>
/// Reads <see cref="KoniferSettings"/> from configuration, key by key, so that every mistake stops start-up with a
/// message naming the <c>konifer.conf</c> key (dotted, as the user wrote it) and what is wrong with its value.
/// </summary>
public static class KoniferSettingsLoader
{
    public const long DefaultMaxBytes = 104_857_600;

    public static KoniferSettings Load(IConfiguration configuration)
    {
        var reader = new SettingsReader(configuration);
        var dataStore = new DataStoreSettings(
            reader.Enum("data-store.provider", DataStoreProvider.PostgreSql,
                ("postgresql", DataStoreProvider.PostgreSql), ("in-memory", DataStoreProvider.InMemory)),
            new PostgreSqlSettings(
                reader.String("data-store.postgresql.host") ?? "localhost",
                reader.Int("data-store.postgresql.port", 5432, 1, 65535),
                reader.String("data-store.postgresql.database") ?? "konifer",
                reader.String("data-store.postgresql.user") ?? "postgres",
                reader.String("data-store.postgresql.password") ?? "",
                reader.String("data-store.postgresql.ssl-mode") ?? "prefer"));

        var objectStoreProvider = reader.Enum("object-store.provider", ObjectStoreProvider.FileSystem,
            ("filesystem", ObjectStoreProvider.FileSystem), ("s3", ObjectStoreProvider.S3), ("in-memory", ObjectStoreProvider.InMemory));
        var mountPath = reader.String("object-store.filesystem.mount-path");
        if (objectStoreProvider == ObjectStoreProvider.FileSystem && string.IsNullOrWhiteSpace(mountPath))
            throw new ConfigurationException("object-store.filesystem.mount-path",
                "is required when object-store.provider = filesystem (or set IN_MEMORY=true to keep everything in memory).");
        var objectStore = new ObjectStoreSettings(
            objectStoreProvider,
            mountPath,
            new S3Settings(
                reader.String("object-store.s3.endpoint-url"),
                reader.String("object-store.s3.region"),
                reader.String("object-store.s3.access-key"),
                reader.String("object-store.s3.secret-key"),
                reader.Bool("object-store.s3.force-path-style", false)));

        var http = new HttpSettings(reader.AbsoluteHttpUrl("http.public-url"), reader.AllowedHosts());

        var source = new SourceSettings(
            reader.Long("source.multipart.max-bytes", DefaultMaxBytes, 1, long.MaxValue),
            reader.AllowedDomains("source.url.allowed-domains"),
            reader.Long("source.url.max-bytes", DefaultMaxBytes, 1, long.MaxValue),
            reader.Int("source.url.max-redirects", UrlSourcePolicy.DefaultMaxRedirects, 0, 20),
            reader.PositiveDuration("source.url.connect-timeout", UrlSourcePolicy.DefaultConnectTimeout),
            reader.PositiveDuration("source.url.read-timeout", UrlSourcePolicy.DefaultReadTimeout),
            reader.PositiveDuration("source.url.timeout", UrlSourcePolicy.DefaultTimeout),
            reader.Long("source.max-pixels", SourceImageLimits.DefaultMaxPixels, 1, long.MaxValue),
            reader.Int("source.max-dimension", SourceImageLimits.DefaultMaxDimension, 1, int.MaxValue),
            reader.PositiveDuration("source.decode-timeout", SourceImageLimits.DefaultDecodeTimeout))
        {
            MaxFrames = reader.Int(SourceImageLimits.MaxFramesKey, SourceImageLimits.DefaultMaxFrames, 1, int.MaxValue),
        };

        var generation = new VariantGenerationSettings(
            reader.Int("variant-generation.workers", Environment.ProcessorCount, 1, 1024),
            reader.Int("variant-generation.queue-size", VariantGenerationSettings.DefaultQueueSize, 1, 1_000_000),
            reader.Int("variant-generation.synchronous-priority", VariantGenerationSettings.DefaultSynchronousPriority, 1, 99))
        {
            MemoryBudget = reader.Size("variant-generation.memory-budget", VariantGenerationSettings.DefaultMemoryBudget(),
                GC.GetGCMemoryInfo().TotalAvailableMemoryBytes),
            Timeout = reader.PositiveDuration(VariantGenerationSettings.TimeoutKey, VariantGenerationSettings.DefaultTimeout),
            LargeJobPixels = reader.Long(VariantGenerationSettings.LargeJobPixelsKey, VariantGenerationSettings.DefaultLargeJobPixels,
                1, long.MaxValue),
            OutputLimits = new OutputLimits(
                reader.Long(OutputLimits.StreamingKey, OutputLimits.Default.StreamingMaxPixels, 1, long.MaxValue),
                reader.Long(OutputLimits.FullFrameKey, OutputLimits.Default.FullFrameMaxPixels, 1, long.MaxValue)),
        };

        var signingEnabled = reader.Bool("url-signing.enabled", false);
        var signingSecret = reader.String("url-signing.secret-key");
        if (signingEnabled && string.IsNullOrWhiteSpace(signingSecret))
            throw new ConfigurationException("url-signing.secret-key",
                "is required when url-signing.enabled = true (set it in konifer.conf or with the URL_SIGNING_SECRET_KEY environment variable).");
        var urlSigning = new UrlSigningSettings(
            signingEnabled,
            reader.Enum("url-signing.algorithm", SigningAlgorithm.HmacSha256,
                ("hmac_sha256", SigningAlgorithm.HmacSha256), ("hmac_sha384", SigningAlgorithm.HmacSha384), ("hmac_sha512", SigningAlgorithm.HmacSha512)),
            signingSecret)
        {
            Negotiation = reader.SignedNegotiation("url-signing.negotiation"),
        };

        return new KoniferSettings(dataStore, objectStore, http, source, generation, urlSigning);
    }

    private sealed class SettingsReader(IConfiguration configuration)
    {
        private static string ToConfigKey(string dotted) => dotted.Replace('.', ':');

        public string? String(string key)
        {
            var value = configuration[ToConfigKey(key)];
            return string.IsNullOrEmpty(value) ? null : value;
        }

        public bool Bool(string key, bool defaultValue) => String(key)?.ToLowerInvariant() switch
        {
            null => defaultValue,
            "true" or "yes" or "on" => true,
            "false" or "no" or "off" => false,
            var other => throw new ConfigurationException(key, $"'{other}' is not a boolean (true or false)."),
        };

        public long Long(string key, long defaultValue, long min, long max)
        {
            var raw = String(key);
            if (raw is null) return defaultValue;
            if (!long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
                throw new ConfigurationException(key, $"'{raw}' is not a whole number.");
            if (value < min || value > max)
                throw new ConfigurationException(key, $"{value} is out of range ({min}..{max}).");
            return value;
        }

        public int Int(string key, int defaultValue, int min, int max) => (int)Long(key, defaultValue, min, max);

        /// <summary>Bytes, a HOCON size (<c>2GB</c>, <c>512MiB</c>) or a percentage of <paramref name="total"/>.</summary>
        public long Size(string key, long defaultValue, long total)
        {
            var raw = String(key);
            if (raw is null) return defaultValue;
            return ByteSize.TryParse(raw, total) is { } bytes and > 0
                ? bytes
                : throw new ConfigurationException(key, $"'{raw}' is not a size: use bytes, a size like 2GB or 512MiB, or a percentage of the available memory like 50%.");
        }

        public T Enum<T>(string key, T defaultValue, params (string Name, T Value)[] values)
        {
            var raw = String(key);
            if (raw is null) return defaultValue;
            foreach (var (name, value) in values)
                if (string.Equals(name, raw, StringComparison.OrdinalIgnoreCase)) return value;
            throw new ConfigurationException(key, $"'{raw}' is not one of {string.Join(", ", values.Select(v => v.Name))}.");
        }

        public IReadOnlyList<string> StringList(string key)
        {
            var section = configuration.GetSection(ToConfigKey(key));
            if (section.Value is { Length: > 0 } single) return [single];
            return section.GetChildren().Select(c => c.Value).OfType<string>().Where(v => v.Length > 0).ToArray();
        }

        /// <summary>A list of host names, <c>*.</c> wildcards and IP literals, checked now so a typo stops start-up.</summary>
        public IReadOnlyList<string> AllowedDomains(string key)
        {
            var entries = StringList(key);
            try
            {
                Konifer.Assets.Sources.AllowedDomains.Parse(entries);
            }
            catch (FormatException e)
            {
                throw new ConfigurationException(key, e.Message);
            }
            return entries;
        }

        /// <summary>
        /// <c>http.allowed-hosts</c> (a list) and the standard <c>AllowedHosts</c> (<c>;</c>-separated) together, in the
        /// form ASP.NET Core host filtering takes: host names, <c>*.</c> wildcards, IP literals (IPv6 in brackets), no ports.
        /// </summary>
        public IReadOnlyList<string> AllowedHosts()
        {
            const string key = "http.allowed-hosts";
            var standard = (configuration["AllowedHosts"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var hosts = StringList(key).Select(h => h.Trim()).Concat(standard).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            foreach (var host in hosts)
            {
                var bare = host.StartsWith("*.", StringComparison.Ordinal) ? host[2..] : host;
                var invalid = host != "*" && (bare.Length == 0 || bare.Contains("://", StringComparison.Ordinal) || bare.IndexOfAny(['/', '?', '#', '@', ' ', '*']) >= 0
                    || (bare.StartsWith('[') ? !bare.EndsWith(']') : bare.Contains(':')));
                if (invalid)
                    throw new ConfigurationException(key, $"'{host}' is not a host name, *.wildcard or IP literal (no scheme, port or path).");
            }
            // "*" anywhere means any host, which is what no list means.
            return hosts.Contains("*") ? [] : hosts;
        }

        /// <summary><c>accept</c> (default), <c>pinned</c>, or a list of formats such as <c>[webp, jpg]</c>.</summary>
        public SignedNegotiation SignedNegotiation(string key)
        {
            var values = StringList(key).Select(v => v.Trim().ToLowerInvariant()).ToArray();
            if (values.Length == 0 || values is ["accept"]) return Configuration.SignedNegotiation.Accept;
            if (values is ["pinned"]) return Configuration.SignedNegotiation.PinnedBySignature;
            var formats = new List<Konifer.Core.Images.ImageFormat>();
            foreach (var value in values)
            {
                if (!Konifer.Core.Images.ImageFormats.TryParseShortName(value, out var format))
                    throw new ConfigurationException(key,
                        $"'{value}' is not accept, pinned or a list of formats (jpg, png, webp, avif, jxl, heic, gif).");
                if (!formats.Contains(format)) formats.Add(format);
            }
            return new SignedNegotiation(false, formats);
        }

        public TimeSpan PositiveDuration(string key, TimeSpan defaultValue)
        {
            var raw = String(key);
            if (raw is null) return defaultValue;
            if (!DurationParser.TryParse(raw, out var value) || value <= TimeSpan.Zero || value > TimeSpan.FromDays(1))
                throw new ConfigurationException(key, $"'{raw}' is not a duration above zero and at most a day, e.g. 500ms, 10s or 2m.");
            return value;
        }

        public Uri? AbsoluteHttpUrl(string key)
        {
            var raw = String(key);
            if (raw is null) return null;
            if (!Uri.TryCreate(raw.TrimEnd('/'), UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
                throw new ConfigurationException(key, $"'{raw}' is not an absolute http or https URL.");
            return uri;
        }
    }
}
