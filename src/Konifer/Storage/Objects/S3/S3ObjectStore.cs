using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Konifer.Core.Storage;

namespace Konifer.Storage.Objects.S3;

/// <summary>
/// Objects in S3 or an S3-compatible server. Buckets must exist beforehand (the service never creates them); a missing
/// bucket, refused credentials or an unreachable endpoint surface as <see cref="ObjectStoreUnavailableException"/>
/// naming the bucket and endpoint. Uploads are read part by part (<see cref="PartSize"/>): an object that fits in one
/// part is one PutObject, anything larger (or longer than announced) a multipart upload that is aborted when the
/// source fails or the caller cancels, so a key holds the old object or the whole new one.
/// </summary>
public sealed class S3ObjectStore : IObjectStore, IPresignedUrlIssuer, IDisposable
{
    /// <summary>Bytes per upload part (S3 wants at least 5 MiB for all but the last; 10,000 parts make 80 GiB).</summary>
    public const int PartSize = 8 * 1024 * 1024;

    public static readonly TimeSpan MaxPresignedTtl = TimeSpan.FromDays(7);

    private readonly IAmazonS3 _client;
    private readonly TimeProvider _time;
    private readonly Uri? _serviceUrl;

    public S3ObjectStore(IAmazonS3 client, TimeProvider? timeProvider = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _time = timeProvider ?? TimeProvider.System;
        _serviceUrl = string.IsNullOrEmpty(client.Config.ServiceURL) ? null : new Uri(client.Config.ServiceURL);
        Endpoint = _serviceUrl?.GetLeftPart(UriPartial.Authority)
            ?? $"AWS S3 ({client.Config.RegionEndpoint?.SystemName ?? "default region"})";
    }

    /// <summary>Where this store sends requests, for messages.</summary>
    public string Endpoint { get; }

    public async Task PutAsync(ObjectLocation location, Stream content, long? length, string contentType, CancellationToken cancellationToken)
    {
        ObjectLocationRules.Validate(location);
        ArgumentNullException.ThrowIfNull(content);
        var first = await S3PartBuffer.ReadAsync(content, PartSize, length, cancellationToken).ConfigureAwait(false);
        if (first.IsLast)
        {
            using (first)
                await PutSingleAsync(location, first, contentType, cancellationToken).ConfigureAwait(false);
            return;
        }
        await PutMultipartAsync(location, first, content, length, contentType, cancellationToken).ConfigureAwait(false);
    }

    private async Task PutSingleAsync(ObjectLocation location, S3PartBuffer part, string contentType, CancellationToken cancellationToken)
    {
        using var body = part.AsStream();
        var request = new PutObjectRequest
        {
            BucketName = location.Bucket,
            Key = location.Key,
            InputStream = body,
            AutoCloseStream = false,
            ContentType = contentType,
            UseChunkEncoding = false, // the part is in memory, so a plain signed body works everywhere (s3rver cannot decode aws-chunked)
        };
        await CallAsync(location.Bucket, () => _client.PutObjectAsync(request, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Uploads <paramref name="first"/> and the rest of the source as parts; aborts the upload on any failure.</summary>
    private async Task PutMultipartAsync(
        ObjectLocation location, S3PartBuffer first, Stream source, long? length, string contentType, CancellationToken cancellationToken)
    {
        string uploadId;
        try
        {
            var initiated = await CallAsync(location.Bucket, () => _client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest
            {
                BucketName = location.Bucket,
                Key = location.Key,
                ContentType = contentType,
            }, cancellationToken), cancellationToken).ConfigureAwait(false);
            uploadId = initiated.UploadId;
        }
        catch
        {
            first.Dispose();
            throw;
        }
        try
        {
            var parts = new List<PartETag>();
            var part = first;
            long sent = 0;
            while (true)
            {
                using (part)
                {
                    if (part.Count > 0 || parts.Count == 0)
                    {
                        parts.Add(await UploadPartAsync(location, uploadId, parts.Count + 1, part, cancellationToken).ConfigureAwait(false));
                        sent += part.Count;
                    }
                    if (part.IsLast) break;
                }
                part = await S3PartBuffer.ReadAsync(source, PartSize, length - sent, cancellationToken).ConfigureAwait(false);
            }
            await CallAsync(location.Bucket, () => _client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = location.Bucket,
                Key = location.Key,
                UploadId = uploadId,
                PartETags = parts,
            }, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await AbortQuietlyAsync(location, uploadId).ConfigureAwait(false);
            throw;
        }
    }

    private async Task<PartETag> UploadPartAsync(
        ObjectLocation location, string uploadId, int partNumber, S3PartBuffer part, CancellationToken cancellationToken)
    {
        using var body = part.AsStream();
        var response = await CallAsync(location.Bucket, () => _client.UploadPartAsync(new UploadPartRequest
        {
            BucketName = location.Bucket,
            Key = location.Key,
            UploadId = uploadId,
            PartNumber = partNumber,
            PartSize = part.Count,
            InputStream = body,
            UseChunkEncoding = false,
        }, cancellationToken), cancellationToken).ConfigureAwait(false);
        return new PartETag(partNumber, response.ETag);
    }

    /// <summary>
    /// Best effort, and not cancellable: the caller's token is usually the reason we are here. Parts left behind by a
    /// failed abort cost storage only; a bucket lifecycle rule for incomplete uploads cleans them up.
    /// </summary>
    private async Task AbortQuietlyAsync(ObjectLocation location, string uploadId)
    {
        try
        {
            using var timeout = new CancellationTokenSource(S3ClientFactory.RequestTimeout);
            await _client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest
            {
                BucketName = location.Bucket,
                Key = location.Key,
                UploadId = uploadId,
            }, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is AmazonServiceException or AmazonClientException or HttpRequestException or IOException
                                       or OperationCanceledException)
        {
            // The original failure matters more than the abort's (some S3-compatible servers cannot abort at all).
        }
    }

    public async Task<StoredObject?> GetAsync(ObjectLocation location, CancellationToken cancellationToken)
    {
        ObjectLocationRules.Validate(location);
        GetObjectResponse response;
        try
        {
            response = await CallAsync(location.Bucket, () => _client.GetObjectAsync(new GetObjectRequest
            {
                BucketName = location.Bucket,
                Key = location.Key,
            }, cancellationToken), cancellationToken, missingIsAnAnswer: true).ConfigureAwait(false);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        return new StoredObject(new S3ResponseStream(response), response.ContentLength);
    }

    public async Task DeleteAsync(ObjectLocation location, CancellationToken cancellationToken)
    {
        ObjectLocationRules.Validate(location);
        // S3 answers a delete of a missing key with success, which is the idempotence the port asks for.
        await CallAsync(location.Bucket, () => _client.DeleteObjectAsync(new DeleteObjectRequest
        {
            BucketName = location.Bucket,
            Key = location.Key,
        }, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> ExistsAsync(ObjectLocation location, CancellationToken cancellationToken)
    {
        ObjectLocationRules.Validate(location);
        try
        {
            await CallAsync(location.Bucket, () => _client.GetObjectMetadataAsync(new GetObjectMetadataRequest
            {
                BucketName = location.Bucket,
                Key = location.Key,
            }, cancellationToken), cancellationToken, missingIsAnAnswer: true).ConfigureAwait(false);
            return true;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            // A HEAD answer has no body, so a missing bucket looks like a missing key here; puts and the start-up
            // check report it.
            return false;
        }
    }

    public async ValueTask<PresignedUrl?> TryPresignAsync(ObjectLocation location, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ObjectLocationRules.Validate(location);
        if (ttl <= TimeSpan.Zero || ttl > MaxPresignedTtl)
            throw new ArgumentOutOfRangeException(nameof(ttl), ttl, $"A presigned URL lives more than zero and at most {MaxPresignedTtl.TotalDays} days.");
        cancellationToken.ThrowIfCancellationRequested();
        var expiresAt = WholeSecond(_time.GetUtcNow()).Add(ttl);
        var request = new GetPreSignedUrlRequest
        {
            BucketName = location.Bucket,
            Key = location.Key,
            Verb = HttpVerb.GET,
            // The SDK signs with a whole-second timestamp and rounds the difference up; from a whole second the URL
            // lives at most ttl (so seven days stays within S3's limit), at least ttl less one second.
            Expires = expiresAt.UtcDateTime,
            // The request defaults to https; an http endpoint (a local S3-compatible server) must be linked as such.
            Protocol = _serviceUrl?.Scheme == Uri.UriSchemeHttp ? Protocol.HTTP : Protocol.HTTPS,
        };
        var url = await CallAsync(location.Bucket, () => _client.GetPreSignedURLAsync(request), cancellationToken).ConfigureAwait(false);
        var presigned = new Uri(url);
        return new PresignedUrl(presigned, SigV4Expiry.Of(presigned) ?? expiresAt);
    }

    /// <summary>
    /// Fails with <see cref="ObjectStoreUnavailableException"/> unless <paramref name="bucket"/> exists and we may use it.
    /// </summary>
    public async Task CheckBucketAsync(string bucket, CancellationToken cancellationToken)
    {
        ObjectLocationRules.ValidateBucket(bucket);
        try
        {
            await CallAsync(bucket, () => _client.HeadBucketAsync(new HeadBucketRequest { BucketName = bucket }, cancellationToken), cancellationToken,
                missingIsAnAnswer: true).ConfigureAwait(false);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            throw new ObjectStoreUnavailableException(MissingBucket(bucket), e);
        }
    }

    /// <summary>
    /// Runs one SDK call so that no SDK exception leaves the adapter: the store's own failures become
    /// <see cref="ObjectStoreUnavailableException"/>, any other refusal an <see cref="InvalidOperationException"/>
    /// (a request we did not expect S3 to refuse is our bug). With <paramref name="missingIsAnAnswer"/> a 404 stays as
    /// it is, for the caller to turn into "no such object".
    /// </summary>
    private async Task<T> CallAsync<T>(string bucket, Func<Task<T>> call, CancellationToken cancellationToken, bool missingIsAnAnswer = false)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception e) when (Unavailable(e, bucket, cancellationToken) is { } unavailable)
        {
            throw unavailable;
        }
        catch (AmazonServiceException e) when (!(missingIsAnAnswer && e.StatusCode == HttpStatusCode.NotFound))
        {
            throw new InvalidOperationException(
                $"{Endpoint} refused a request to the bucket '{bucket}' ({(int)e.StatusCode} {e.ErrorCode}: {e.Message}).", e);
        }
    }

    /// <summary>The exception to raise instead of <paramref name="e"/> when the store itself is the problem, else null.</summary>
    private ObjectStoreUnavailableException? Unavailable(Exception e, string bucket, CancellationToken cancellationToken)
    {
        if (e is OperationCanceledException && cancellationToken.IsCancellationRequested) return null;
        return e switch
        {
            AmazonS3Exception { ErrorCode: "NoSuchBucket" } => new ObjectStoreUnavailableException(MissingBucket(bucket), e),
            AmazonS3Exception { StatusCode: HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized } s3 => new ObjectStoreUnavailableException(
                $"{Endpoint} refused access to the bucket '{bucket}' ({s3.ErrorCode}: {s3.Message}). Check object-store.s3 credentials.", e),
            AmazonServiceException { StatusCode: >= HttpStatusCode.InternalServerError } service => new ObjectStoreUnavailableException(
                $"{Endpoint} failed a request to the bucket '{bucket}' ({(int)service.StatusCode} {service.ErrorCode}).", e),
            HttpRequestException or AmazonClientException or OperationCanceledException or IOException
                or AmazonServiceException { StatusCode: 0 } => new ObjectStoreUnavailableException(
                $"The object store at {Endpoint} cannot be reached (bucket '{bucket}'): {Innermost(e).Message}", e),
            _ => null,
        };
    }

    private string MissingBucket(string bucket) =>
        $"The bucket '{bucket}' does not exist at {Endpoint}. Konifer does not create buckets: create it, or configure " +
        "another object-store.bucket for the path.";

    private static DateTimeOffset WholeSecond(DateTimeOffset time) =>
        new(time.Ticks - time.Ticks % TimeSpan.TicksPerSecond, time.Offset);

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e;
    }

    public void Dispose() => _client.Dispose();
}
