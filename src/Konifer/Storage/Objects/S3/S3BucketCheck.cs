using Konifer.Paths;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Konifer.Storage.Objects.S3;

/// <summary>
/// Start-up check that every configured bucket exists: the service never creates buckets, and a typo in a bucket
/// name should stop the deployment at once rather than fail the first upload.
/// </summary>
internal sealed partial class S3BucketCheck(S3ObjectStore store, PathConfigurationResolver? paths, ILogger<S3BucketCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var bucket in ConfiguredBuckets.From(paths))
        {
            await store.CheckBucketAsync(bucket, cancellationToken).ConfigureAwait(false);
            LogBucketAvailable(logger, bucket, store.Endpoint);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Object store: bucket {Bucket} is available at {Endpoint}")]
    private static partial void LogBucketAvailable(ILogger logger, string bucket, string endpoint);
}
