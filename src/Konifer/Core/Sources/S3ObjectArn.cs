namespace Konifer.Core.Sources;

/// <summary>
/// An Amazon S3 object named by its ARN, <c>arn:{partition}:s3:::{bucket}/{key}</c>, as the reference accepts it:
/// service <c>s3</c>, no region, no account, a bucket, a slash and a non-empty key (which may hold more slashes).
/// Access-point ARNs and ARNs with a region or account are refused, so an ARN always names a plain bucket object.
/// </summary>
public sealed record S3ObjectArn(string Partition, string Bucket, string Key)
{
    /// <summary>Longest ARN accepted: a 63-character bucket and a 1024-byte key with room to spare.</summary>
    public const int MaxLength = 2048;

    /// <exception cref="UrlSourceException">The text is not an ARN, not an S3 object ARN, or lacks a bucket or key.</exception>
    public static S3ObjectArn Parse(string? text)
    {
        // arn : partition : service : region : account : resource (the resource may itself hold colons)
        var parts = (text ?? "").Split(':', 6);
        if (text is null || text.Length > MaxLength || parts.Length < 6 || parts[0] != "arn"
            || parts[1].Length == 0 || parts[2].Length == 0 || parts[5].Length == 0 || text.Any(char.IsControl))
            throw Refused("Invalid ARN");
        if (parts[2] != "s3" || parts[3].Length > 0 || parts[4].Length > 0)
            throw Refused("Not an S3 object ARN");
        var resource = parts[5];
        var slash = resource.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == resource.Length - 1)
            throw Refused("S3 object ARN must contain a bucket and key");
        return new S3ObjectArn(parts[1], resource[..slash], resource[(slash + 1)..]);
    }

    private static UrlSourceException Refused(string message) => new(UrlSourceFailure.InvalidArn, message);

    public override string ToString() => $"arn:{Partition}:s3:::{Bucket}/{Key}";
}
