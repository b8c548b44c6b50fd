using Konifer.Core.Storage;

namespace Konifer.Storage.Objects;

/// <summary>
/// The bucket and key rules every object store enforces, so that a key that works in development (in-memory) works
/// on disk and in S3 too. Buckets follow S3's naming rules; keys are single file names (they are generated, never
/// taken from user input), so anything that could act as a path is refused.
/// </summary>
internal static class ObjectLocationRules
{
    public const int MaxKeyLength = 255;

    /// <summary>Prefix of the store's own temporary files; no key may use it.</summary>
    public const string TemporaryPrefix = ".tmp-";

    public static void Validate(ObjectLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        ValidateBucket(location.Bucket);
        ValidateKey(location.Key);
    }

    public static void ValidateBucket(string? bucket)
    {
        if (string.IsNullOrEmpty(bucket)) throw new InvalidObjectKeyException("The bucket name is empty.");
        if (bucket.Length is < 3 or > 63)
            throw new InvalidObjectKeyException($"The bucket name '{Printable(bucket)}' must be 3 to 63 characters long.");
        foreach (var c in bucket)
            if (c is not (>= 'a' and <= 'z' or >= '0' and <= '9' or '.' or '-'))
                throw new InvalidObjectKeyException(
                    $"The bucket name '{Printable(bucket)}' may hold only lowercase letters, digits, dots and hyphens.");
        if (!char.IsAsciiLetterOrDigit(bucket[0]) || !char.IsAsciiLetterOrDigit(bucket[^1]))
            throw new InvalidObjectKeyException($"The bucket name '{Printable(bucket)}' must start and end with a letter or digit.");
        if (bucket.Contains("..", StringComparison.Ordinal))
            throw new InvalidObjectKeyException($"The bucket name '{Printable(bucket)}' contains '..'.");
    }

    public static void ValidateKey(string? key)
    {
        if (string.IsNullOrEmpty(key)) throw new InvalidObjectKeyException("The object key is empty.");
        if (key.Length > MaxKeyLength)
            throw new InvalidObjectKeyException($"The object key is longer than {MaxKeyLength} characters.");
        if (key is "." || key.Contains("..", StringComparison.Ordinal))
            throw new InvalidObjectKeyException($"The object key '{Printable(key)}' is a relative path.");
        if (key.StartsWith(TemporaryPrefix, StringComparison.Ordinal))
            throw new InvalidObjectKeyException($"The object key '{Printable(key)}' uses the reserved prefix '{TemporaryPrefix}'.");
        foreach (var c in key)
            if (c is '/' or '\\' or ':' || char.IsControl(c))
                throw new InvalidObjectKeyException($"The object key '{Printable(key)}' contains a path separator or control character.");
        if (Path.IsPathRooted(key))
            throw new InvalidObjectKeyException($"The object key '{Printable(key)}' is an absolute path.");
    }

    private static string Printable(string s) =>
        new(s.Select(c => char.IsControl(c) ? '?' : c).Take(64).ToArray());
}
