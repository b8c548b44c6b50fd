using System.Net;

namespace Konifer.Paths;

/// <summary>S3 general-purpose bucket naming rules.</summary>
internal static class BucketNameRules
{
    /// <summary>Null when <paramref name="name"/> is a valid bucket name, else the reason.</summary>
    public static string? Check(string name)
    {
        if (name.Length is < 3 or > 63) return $"'{name}' is not a valid bucket name: it must be 3 to 63 characters long";
        if (!name.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '.' or '-'))
            return $"'{name}' is not a valid bucket name: use only lower-case letters, digits, '.' and '-'";
        if (!char.IsAsciiLetterOrDigit(name[0]) || !char.IsAsciiLetterOrDigit(name[^1]))
            return $"'{name}' is not a valid bucket name: it must begin and end with a letter or digit";
        if (name.Contains("..", StringComparison.Ordinal) || name.Contains(".-", StringComparison.Ordinal) || name.Contains("-.", StringComparison.Ordinal))
            return $"'{name}' is not a valid bucket name: '.' cannot be next to '.' or '-'";
        if (name.Count(c => c == '.') == 3 && IPAddress.TryParse(name, out _))
            return $"'{name}' is not a valid bucket name: it cannot be an IP address";
        if (name.StartsWith("xn--", StringComparison.Ordinal) || name.StartsWith("sthree-", StringComparison.Ordinal))
            return $"'{name}' is not a valid bucket name: the prefixes 'xn--' and 'sthree-' are reserved";
        if (name.EndsWith("-s3alias", StringComparison.Ordinal) || name.EndsWith("--ol-s3", StringComparison.Ordinal))
            return $"'{name}' is not a valid bucket name: the suffixes '-s3alias' and '--ol-s3' are reserved";
        return null;
    }
}
