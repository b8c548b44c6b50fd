using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Konifer.Configuration;

namespace Konifer.Storage.Objects.S3;

/// <summary>
/// Builds the S3 client from <c>object-store.s3</c>. Timeouts and retries are short on purpose: a store that is down
/// should turn into a clear error within seconds, not a request that hangs until the client gives up.
/// </summary>
public static class S3ClientFactory
{
    /// <summary>Time to open a connection; the SDK's default is to wait forever.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Time for one HTTP request, i.e. one part of a multipart upload at most.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromMinutes(2);

    public const int MaxErrorRetry = 2;

    /// <summary>Region signed for when an endpoint is configured without one (what S3-compatible servers expect).</summary>
    public const string DefaultCompatibleRegion = "us-east-1";

    /// <exception cref="ConfigurationException">An access key is given without a secret key, or the endpoint is not a URL.</exception>
    public static AmazonS3Client Create(S3Settings settings)
    {
        var config = CreateConfig(settings);
        var credentials = CreateCredentials(settings);
        // Without a static key the SDK walks its default chain (environment, profile, container or instance role).
        return credentials is null ? new AmazonS3Client(config) : new AmazonS3Client(credentials, config);
    }

    internal static AmazonS3Config CreateConfig(S3Settings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var config = new AmazonS3Config
        {
            ForcePathStyle = settings.ForcePathStyle,
            ConnectTimeout = ConnectTimeout,
            Timeout = RequestTimeout,
            MaxErrorRetry = MaxErrorRetry,
        };
        // The SDK would shift its clock by the skew it reads from the server's whole-second Date headers, and a
        // presigned URL would then live up to a second longer than its TTL: over S3's seven-day limit at the maximum.
        // Signing uses this machine's clock, which must be in sync (NTP) as for any S3 client. (A process-wide
        // setting in this SDK version; this is the process's only S3 client.)
        AWSConfigs.CorrectForClockSkew = false;
        if (!string.IsNullOrWhiteSpace(settings.EndpointUrl))
        {
            if (!Uri.TryCreate(settings.EndpointUrl, UriKind.Absolute, out var endpoint) ||
                endpoint.Scheme is not ("http" or "https"))
                throw new ConfigurationException("object-store.s3.endpoint-url",
                    $"'{settings.EndpointUrl}' is not an http or https URL");
            config.ServiceURL = endpoint.ToString();
            config.AuthenticationRegion = string.IsNullOrWhiteSpace(settings.Region) ? DefaultCompatibleRegion : settings.Region;
            // SDK 4 sends CRC checksums (and expects them back) by default; S3-compatible servers often reject that.
            config.RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED;
            config.ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED;
        }
        else if (!string.IsNullOrWhiteSpace(settings.Region))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(settings.Region);
        }
        return config;
    }

    /// <summary>Static credentials when an access key is configured; null means the SDK's default chain.</summary>
    internal static AWSCredentials? CreateCredentials(S3Settings settings)
    {
        if (string.IsNullOrEmpty(settings.AccessKey)) return null;
        if (string.IsNullOrEmpty(settings.SecretKey))
            throw new ConfigurationException("object-store.s3.secret-key",
                "is required when object-store.s3.access-key is set (or set the environment variable S3_SECRET_KEY)");
        return new BasicAWSCredentials(settings.AccessKey, settings.SecretKey);
    }
}
