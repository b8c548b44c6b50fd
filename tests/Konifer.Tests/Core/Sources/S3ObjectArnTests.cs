using Konifer.Core.Sources;

namespace Konifer.Tests.Core.Sources;

/// <summary>The S3 object ARNs the reference accepts, and the three messages for those it refuses.</summary>
public sealed class S3ObjectArnTests
{
    [Theory]
    [InlineData("arn:aws:s3:::asset-imports/profile.jpeg", "aws", "asset-imports", "profile.jpeg")]
    [InlineData("arn:aws:s3:::asset-sources/images/2026/asset.png", "aws", "asset-sources", "images/2026/asset.png")]
    [InlineData("arn:aws-cn:s3:::bucket/a", "aws-cn", "bucket", "a")]
    [InlineData("arn:aws-us-gov:s3:::bucket/with:colon/and space.png", "aws-us-gov", "bucket", "with:colon/and space.png")]
    [InlineData("arn:aws:s3:::bucket//double", "aws", "bucket", "/double")]
    public void An_object_arn_names_its_bucket_and_key(string text, string partition, string bucket, string key)
    {
        var arn = S3ObjectArn.Parse(text);

        Assert.Equal((partition, bucket, key), (arn.Partition, arn.Bucket, arn.Key));
        Assert.Equal(text, arn.ToString());
    }

    [Theory]
    [InlineData(null, "Invalid ARN")]
    [InlineData("", "Invalid ARN")]
    [InlineData("not-an-arn", "Invalid ARN")]
    [InlineData("arn:aws:s3::bucket/key", "Invalid ARN")] // five parts
    [InlineData("urn:aws:s3:::bucket/key", "Invalid ARN")]
    [InlineData("arn::s3:::bucket/key", "Invalid ARN")] // no partition
    [InlineData("arn:aws::::bucket/key", "Invalid ARN")] // no service
    [InlineData("arn:aws:s3:::", "Invalid ARN")] // no resource
    [InlineData("arn:aws:s3:::bucket/line\nbreak", "Invalid ARN")]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:asset-reader", "Not an S3 object ARN")]
    [InlineData("arn:aws:s3:us-east-1::asset-sources/asset.png", "Not an S3 object ARN")]
    [InlineData("arn:aws:s3::123456789012:asset-sources/asset.png", "Not an S3 object ARN")]
    [InlineData("arn:aws:s3:us-west-2:123456789012:accesspoint/images/object/a.png", "Not an S3 object ARN")]
    [InlineData("arn:aws:S3:::bucket/key", "Not an S3 object ARN")]
    [InlineData("arn:aws:s3:::asset-sources", "S3 object ARN must contain a bucket and key")]
    [InlineData("arn:aws:s3:::/asset.png", "S3 object ARN must contain a bucket and key")]
    [InlineData("arn:aws:s3:::asset-sources/", "S3 object ARN must contain a bucket and key")]
    public void Anything_else_is_refused_with_the_reference_message(string? text, string message)
    {
        var refused = Assert.Throws<UrlSourceException>(() => S3ObjectArn.Parse(text));

        Assert.Equal(message, refused.Message);
        Assert.Equal(UrlSourceFailure.InvalidArn, refused.Failure);
        Assert.Equal(Konifer.Core.Problems.ProblemKind.BadRequest, refused.Kind);
    }

    [Fact]
    public void An_overlong_arn_is_refused_before_it_is_split()
    {
        var refused = Assert.Throws<UrlSourceException>(() => S3ObjectArn.Parse("arn:aws:s3:::bucket/" + new string('k', S3ObjectArn.MaxLength)));
        Assert.Equal("Invalid ARN", refused.Message);
    }
}
