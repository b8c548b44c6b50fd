using Amazon.S3;
using Amazon.S3.Model;
using Konifer.Assets.Sources;
using Konifer.Core.Sources;
using Konifer.Sources;
using Konifer.Tests.Storage.S3;
using Microsoft.Extensions.DependencyInjection;

namespace Konifer.Tests.TestSupport;

/// <summary>
/// Test servers whose S3 ARN sources read from the test run's S3-compatible server instead of Amazon S3 (the
/// production reader takes the AWS default chains; here the same reader gets a client for s3rver).
/// </summary>
public static class ArnSourceServers
{
    public static Task<KoniferTestServer> StartAsync(string config, Func<IAmazonS3> client) =>
        KoniferTestServer.StartAsync(config, services: services =>
            services.AddSingleton<IS3ObjectSource>(sp => new S3ArnSource(sp.GetRequiredService<UrlSourcePolicy>(), client)));

    /// <summary>Puts <paramref name="content"/> at a fresh key under <paramref name="prefix"/> and returns the object's ARN.</summary>
    public static async Task<string> PutAsync(S3Server s3, byte[] content, string prefix = "imports")
    {
        var key = $"{prefix}/{Guid.NewGuid():N}/photo.png";
        using var direct = s3.CreateClient();
        // A plain signed body: s3rver cannot decode aws-chunked.
        await direct.PutObjectAsync(new PutObjectRequest { BucketName = S3Server.OtherBucket, Key = key, InputStream = new MemoryStream(content), UseChunkEncoding = false });
        return $"arn:aws:s3:::{S3Server.OtherBucket}/{key}";
    }

    public static StringContent ArnRequest(string arn, string? alt = null) =>
        new(System.Text.Json.JsonSerializer.Serialize(new { source = new { s3 = new { arn } }, alt, labels = new { from = "s3" } }),
            System.Text.Encoding.UTF8, "application/json");
}
