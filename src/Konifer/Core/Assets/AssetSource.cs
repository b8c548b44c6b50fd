namespace Konifer.Core.Assets;

/// <summary>Where an original came from: a multipart upload, an HTTP(S) URL, or an Amazon S3 object named by its ARN.</summary>
public enum AssetSource
{
    Upload,
    Url,
    Arn,
}
