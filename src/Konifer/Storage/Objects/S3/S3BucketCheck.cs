using System.Net;
using Amazon.S3;
using Konifer.Core.Storage;
using Konifer.Paths;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Konifer.Storage.Objects.S3;

/// <summary>
/// Start-up check that every configured bucket exists: the service never creates buckets, and a typo in a bucket
/// name should stop the deployment at once rather than fail the first upload. An endpoint that cannot be reached yet
/// (an S3-compatible container starting beside ours) is retried until <c>object-store.s3.startup-timeout</c>.
/// </summary>
internal sealed partial class S3BucketCheck(S3ObjectStore store, PathConfigurationResolver? paths, TimeSpan startupTimeout,
    ILogger<S3BucketCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var bucket in ConfiguredBuckets.From(paths))
        {
            await StartupRetry.RunAsync(
                async token => { await store.CheckBucketAsync(bucket, token).ConfigureAwait(false); return true; },
                Transient,
                startupTimeout,
                (exception, wait, left) => LogWaiting(logger, store.Endpoint, exception.Message, StartupRetry.Seconds(wait), StartupRetry.Seconds(left)),
                (exception, timedOut) =>
                {
                    LogGaveUp(logger, exception);
                    return new StoreStartupException(
                        $"Cannot use the S3 bucket '{bucket}' at {store.Endpoint} (object-store.s3.*, the bucket from paths' object-store.bucket)" +
                        (timedOut ? $" (gave up after {StartupRetry.Seconds(startupTimeout)})" : "") + $": {exception.Message}", exception);
                },
                cancellationToken).ConfigureAwait(false);
            LogBucketAvailable(logger, bucket, store.Endpoint);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Unreachable or failing endpoints may come up; a missing bucket or a refusal (credentials) will not.</summary>
    private static bool? Transient(Exception exception) => exception switch
    {
        ObjectStoreUnavailableException { InnerException: AmazonS3Exception s3 } when s3.StatusCode == HttpStatusCode.NotFound || s3.ErrorCode == "NoSuchBucket" => false,
        ObjectStoreUnavailableException => true,
        InvalidOperationException => false,
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Object store: bucket {Bucket} is available at {Endpoint}")]
    private static partial void LogBucketAvailable(ILogger logger, string bucket, string endpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "S3 at {Endpoint} is not reachable yet ({Error}); retrying in {Delay}, giving up in {Left} (object-store.s3.startup-timeout)")]
    private static partial void LogWaiting(ILogger logger, string endpoint, string error, string delay, string left);

    [LoggerMessage(Level = LogLevel.Debug, Message = "S3 start-up check failed")]
    private static partial void LogGaveUp(ILogger logger, Exception exception);
}
