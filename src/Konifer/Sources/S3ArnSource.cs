using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Konifer.Assets.Sources;
using Konifer.Core.Sources;
using Konifer.Core.Storage;

namespace Konifer.Sources;

/// <summary>
/// Reads S3 ARN sources from Amazon S3 with a client of its own, created on first use from the AWS SDK's default
/// credential and region chains (environment, shared profile, container or instance role). It never uses
/// <c>object-store.s3</c>: an ARN always names an Amazon S3 object, whatever the object store is, and the credentials'
/// IAM policy (<c>s3:GetObject</c>) is what limits which objects can be imported (see docs/safety.md).
/// </summary>
public sealed class S3ArnSource : IS3ObjectSource, IDisposable
{
    private readonly UrlSourcePolicy _policy;
    private readonly Func<IAmazonS3> _createClient;
    private readonly Lock _gate = new();
    private IAmazonS3? _client;

    public S3ArnSource(UrlSourcePolicy policy) : this(policy, () => new AmazonS3Client(DefaultConfig(policy)))
    {
    }

    /// <summary>For tests: the same reader over another client (an S3-compatible server). Production uses the chains.</summary>
    internal S3ArnSource(UrlSourcePolicy policy, Func<IAmazonS3> createClient)
    {
        _policy = policy;
        _createClient = createClient;
    }

    /// <summary>Region and credentials stay unset so that the SDK resolves them from its default chains.</summary>
    private static AmazonS3Config DefaultConfig(UrlSourcePolicy policy) => new()
    {
        ConnectTimeout = policy.ConnectTimeout,
        Timeout = policy.Timeout,
        MaxErrorRetry = 2,
    };

    public async Task<TemporaryFile> DownloadAsync(S3ObjectArn arn, CancellationToken cancellationToken)
    {
        using var deadlines = new SourceDeadlines(_policy, cancellationToken);
        try
        {
            using var response = await Client().GetObjectAsync(new GetObjectRequest { BucketName = arn.Bucket, Key = arn.Key }, deadlines.Restart());
            if (response.ContentLength > _policy.MaxBytes)
                throw SourceSpool.TooLarge($"is an S3 object of {response.ContentLength} bytes, more", _policy.MaxBytes);
            return await SourceSpool.ToFileAsync(response.ResponseStream, _policy.MaxBytes, deadlines);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw deadlines.Expired(e);
        }
        catch (AmazonServiceException e) when (e.StatusCode != 0)
        {
            throw Refused(e);
        }
        catch (Exception e) when (e is AmazonClientException or AmazonServiceException or HttpRequestException or IOException or System.Net.Sockets.SocketException)
        {
            // Missing credentials or region, DNS, connection and signing problems: nothing the request can change.
            if (Contains<TimeoutException>(e)) throw deadlines.Expired(e);
            throw new UrlSourceException(UrlSourceFailure.Unreachable, "Amazon S3 source is unavailable", e);
        }
    }

    /// <summary>S3 answered: 401/403 are our credentials' refusal, other 4xx the client's ARN, 5xx S3's own failure.</summary>
    private static UrlSourceException Refused(AmazonServiceException e) => e switch
    {
        { StatusCode: HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden } =>
            new(UrlSourceFailure.AccessDenied, "Amazon S3 denied access to the asset source", e),
        AmazonS3Exception { ErrorCode: "NoSuchKey" } => new(UrlSourceFailure.UpstreamStatus, "S3 object not found", e),
        { StatusCode: >= HttpStatusCode.InternalServerError } =>
            new(UrlSourceFailure.UpstreamFailed, "Amazon S3 could not retrieve the asset source", e),
        _ => new(UrlSourceFailure.UpstreamStatus, "Amazon S3 rejected the asset source", e),
    };

    /// <summary>The client, created on first use; a failed creation (no region) is tried again on the next request.</summary>
    private IAmazonS3 Client()
    {
        lock (_gate) return _client ??= _createClient();
    }

    private static bool Contains<T>(Exception? e) where T : Exception
    {
        for (; e is not null; e = e.InnerException)
            if (e is T) return true;
        return false;
    }

    public void Dispose()
    {
        lock (_gate) _client?.Dispose();
    }
}
