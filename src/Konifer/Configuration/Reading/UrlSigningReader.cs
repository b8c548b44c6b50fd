using Konifer.UrlSigning;
using Konifer.Core.Images;

namespace Konifer.Configuration.Reading;

/// <summary><c>url-signing</c>.</summary>
internal static class UrlSigningReader
{
    private static readonly (string, SigningAlgorithm)[] Algorithms =
    [
        ("hmac_sha256", SigningAlgorithm.HmacSha256), ("hmac_sha384", SigningAlgorithm.HmacSha384), ("hmac_sha512", SigningAlgorithm.HmacSha512),
    ];

    public static UrlSigningSettings Read(ConfigReader signing, MissingKeys missing)
    {
        var enabled = signing.Bool("enabled") ?? false;
        var secret = signing.OptionalText("secret-key");
        // Empty entries are left out, so `[${?NEW_KEY}, ${?OLD_KEY}]` with one variable unset is one key.
        var more = signing.OneOrMany("secret-keys");
        if (enabled && string.IsNullOrWhiteSpace(secret) && more.All(string.IsNullOrWhiteSpace))
            missing.Add(signing.Error("secret-key",
                "is required when url-signing.enabled = true (set it in konifer.conf or with the URL_SIGNING_SECRET_KEY environment variable, " +
                "or list keys in url-signing.secret-keys)."));
        for (var i = 0; i < more.Count; i++)
            if (string.IsNullOrWhiteSpace(more[i]))
                throw new ConfigurationException($"{signing.KeyOf("secret-keys")}[{i}]", "is blank: every key must have text.");
        return new UrlSigningSettings(enabled, signing.Choice("algorithm", Algorithms) ?? SigningAlgorithm.HmacSha256, secret)
        {
            SecretKeys = more,
            Negotiation = Negotiation(signing),
        };
    }

    /// <summary><c>accept</c> (default), <c>pinned</c>, or a list of formats such as <c>[webp, jpg]</c>.</summary>
    private static SignedNegotiation Negotiation(ConfigReader signing)
    {
        const string name = "negotiation";
        var values = signing.OneOrMany(name).Select(v => v.Trim().ToLowerInvariant()).ToArray();
        if (values.Length == 0 || values is ["accept"]) return SignedNegotiation.Accept;
        if (values is ["pinned"]) return SignedNegotiation.PinnedBySignature;
        var formats = new List<ImageFormat>();
        foreach (var value in values)
        {
            if (!ImageFormats.TryParseShortName(value, out var format))
                throw signing.Error(name, $"'{value}' is not accept, pinned or a list of formats (jpg, png, webp, avif, jxl, heic, gif).");
            if (!formats.Contains(format)) formats.Add(format);
        }
        return new SignedNegotiation(false, formats);
    }
}
