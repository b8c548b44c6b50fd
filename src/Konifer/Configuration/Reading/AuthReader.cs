using System.Globalization;
using Konifer.Paths;

namespace Konifer.Configuration.Reading;

/// <summary><c>auth</c>: API keys, JWT validation, reads, and the limit on failed attempts (docs/security.md).</summary>
internal static class AuthReader
{
    public const string HashPrefix = "sha256:";

    public static AuthSettings Read(ConfigReader auth, MissingKeys missing, ConfigurationWarnings warnings)
    {
        var enabled = auth.Bool("enabled") ?? false;
        var keys = (auth.SectionList("api-keys") ?? []).Select(ApiKey).ToArray();
        var jwt = Jwt(auth.Section("jwt"), missing);
        var limit = auth.Int("failure-limit", 1, 1_000_000) ?? AuthSettings.DefaultFailureLimit;
        var window = auth.Duration("failure-window") ?? AuthSettings.DefaultFailureWindow;
        if (window <= TimeSpan.Zero || window > TimeSpan.FromDays(1))
            throw auth.Error("failure-window", $"'{auth.String("failure-window")}' is not a duration above zero and at most a day, e.g. 1m");
        if (enabled && keys.Length == 0 && !jwt.Enabled)
            warnings.Add(auth.KeyOf("enabled"), "is true but neither auth.api-keys nor auth.jwt is configured: every store, update and delete is refused.");
        if (!enabled && (keys.Length > 0 || jwt.Enabled))
            warnings.Add(auth.KeyOf("enabled"), "is false: the configured API keys and JWT settings are not used, and writes are open to anyone who can reach the port.");
        return new AuthSettings(enabled, keys, jwt, auth.Bool("require-for-reads") ?? false, limit, window);
    }

    private static ApiKeySettings ApiKey(ConfigReader key, int index)
    {
        var name = key.OptionalText("name") ?? $"api-keys[{index}]";
        var hashText = key.OptionalText("hash") ?? throw key.Error("hash", "is required: the line `konifer --hash-api-key` prints.");
        var hash = ParseHash(hashText) ?? throw key.Error("hash",
            $"is not '{HashPrefix}' followed by 64 hex digits (the value is not repeated here; `konifer --hash-api-key` prints a valid line).");
        var scopeTexts = key.StringList("scopes");
        if (scopeTexts is null || scopeTexts.Count == 0)
            throw key.Error("scopes", "is required: a list of read, write and delete.");
        var scopes = new List<AuthScope>();
        for (var i = 0; i < scopeTexts.Count; i++)
        {
            if (!AuthScopes.TryParse(scopeTexts[i], out var scope))
                throw new ConfigurationException($"{key.KeyOf("scopes")}[{i}]", $"'{scopeTexts[i]}' is not a scope: use read, write or delete.");
            if (!scopes.Contains(scope.Value)) scopes.Add(scope.Value);
        }
        var pathTexts = key.StringList("paths");
        if (pathTexts is null || pathTexts.Count == 0)
            throw key.Error("paths", "is required: the path patterns the key may act on, e.g. [\"/users/**\"] or [\"/**\"] for every path.");
        var patterns = new List<PathPattern>();
        for (var i = 0; i < pathTexts.Count; i++)
        {
            if (!PathPattern.TryParse(pathTexts[i], out var pattern, out var error))
                throw new ConfigurationException($"{key.KeyOf("paths")}[{i}]", error);
            patterns.Add(pattern);
        }
        return new ApiKeySettings(name, hash, scopes, patterns);
    }

    /// <summary>The 32 bytes of <c>sha256:</c> and 64 hex digits (any case); null for anything else.</summary>
    public static byte[]? ParseHash(string text)
    {
        var trimmed = text.Trim();
        if (!trimmed.StartsWith(HashPrefix, StringComparison.OrdinalIgnoreCase)) return null;
        var hex = trimmed[HashPrefix.Length..];
        if (hex.Length != 64 || !hex.All(char.IsAsciiHexDigit)) return null;
        return Convert.FromHexString(hex);
    }

    private static JwtSettings Jwt(ConfigReader jwt, MissingKeys missing)
    {
        var enabled = jwt.Bool("enabled") ?? false;
        var issuer = jwt.OptionalText("issuer");
        var audience = jwt.OptionalText("audience");
        var keys = jwt.OneOrMany("signing-keys");
        for (var i = 0; i < keys.Count; i++)
            if (JwtSigningKeys.TryParse(keys[i], out var problem) is null)
                throw new ConfigurationException($"{jwt.KeyOf("signing-keys")}[{i}]", problem!);
        Uri? jwks = null;
        if (jwt.OptionalText("jwks-url") is { } raw
            && (!Uri.TryCreate(raw, UriKind.Absolute, out jwks) || (jwks.Scheme != "http" && jwks.Scheme != "https")))
            throw jwt.Error("jwks-url", $"'{raw}' is not an absolute http or https URL.");
        var scopeClaim = jwt.OptionalText("scope-claim") ?? JwtSettings.DefaultScopeClaim;
        var pathsClaim = jwt.OptionalText("paths-claim");
        var skew = jwt.Duration("clock-skew") ?? TimeSpan.FromSeconds(30);
        if (skew > TimeSpan.FromHours(1))
            throw jwt.Error("clock-skew", $"{skew.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s is more than an hour.");
        if (enabled)
        {
            const string why = "is required when auth.jwt.enabled = true";
            if (issuer is null) missing.Add(jwt.Error("issuer", why + " (the token's iss must equal it)."));
            if (audience is null) missing.Add(jwt.Error("audience", why + " (the token's aud must contain it)."));
            if (keys.Count == 0 && jwks is null)
                missing.Add(jwt.Error("signing-keys", why + " unless auth.jwt.jwks-url is set: the keys that sign tokens (PEM public keys or base64 secrets)."));
        }
        return new JwtSettings(enabled, issuer, audience, keys, jwks, scopeClaim, pathsClaim) { ClockSkew = skew };
    }
}
