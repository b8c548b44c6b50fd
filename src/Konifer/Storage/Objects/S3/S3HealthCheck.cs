using Konifer.Paths;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Konifer.Storage.Objects.S3;

/// <summary>
/// Readiness of the S3 object store: <c>HeadBucket</c> on the root path's bucket (<c>/**</c>, default
/// <c>assets</c>), as the reference checks it. Buckets of other paths were checked once at start-up.
/// </summary>
internal sealed class S3HealthCheck(S3ObjectStore store, PathConfigurationResolver? paths) : IHealthCheck
{
    public const string Name = "s3 object store";

    private readonly string _bucket = (paths ?? PathConfigurationResolver.Empty).Root.Bucket;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await store.CheckBucketAsync(_bucket, cancellationToken).ConfigureAwait(false);
        return HealthCheckResult.Healthy();
    }
}
