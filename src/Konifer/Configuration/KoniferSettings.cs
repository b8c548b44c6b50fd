using Konifer.Core.Images;
using Konifer.Variants.Scheduling;

namespace Konifer.Configuration;

/// <summary>The global (not per-path) settings of <c>konifer.conf</c>, validated once at start-up.</summary>
public sealed record KoniferSettings(
    DataStoreSettings DataStore,
    ObjectStoreSettings ObjectStore,
    HttpSettings Http,
    SourceSettings Source,
    VariantGenerationSettings VariantGeneration,
    UrlSigningSettings UrlSigning);

public enum DataStoreProvider { PostgreSql, InMemory }

public sealed record DataStoreSettings(DataStoreProvider Provider, PostgreSqlSettings PostgreSql);

public sealed record PostgreSqlSettings(string Host, int Port, string Database, string User, string Password, string SslMode)
{
    // Settings end up in logs and exception messages: the generated ToString must not print the password.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"Host = {Host}, Port = {Port}, Database = {Database}, User = {User}, Password = {Secret.Mask(Password)}, SslMode = {SslMode}");
        return true;
    }
}

public enum ObjectStoreProvider { FileSystem, S3, InMemory }

public sealed record ObjectStoreSettings(ObjectStoreProvider Provider, string? FileSystemMountPath, S3Settings S3);

public sealed record S3Settings(string? EndpointUrl, string? Region, string? AccessKey, string? SecretKey, bool ForcePathStyle)
{
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"EndpointUrl = {EndpointUrl}, Region = {Region}, AccessKey = {AccessKey}, SecretKey = {Secret.Mask(SecretKey)}, ForcePathStyle = {ForcePathStyle}");
        return true;
    }
}

/// <summary>
/// <c>PublicUrl</c> null means: build absolute URLs from the request's own scheme and host. <c>AllowedHosts</c>
/// (<c>http.allowed-hosts</c> plus the standard <c>AllowedHosts</c>) limits the <c>Host</c> headers served; empty = any.
/// </summary>
public sealed record HttpSettings(Uri? PublicUrl, IReadOnlyList<string> AllowedHosts)
{
    public HttpSettings(Uri? publicUrl) : this(publicUrl, []) { }
}

/// <summary>
/// <c>source.*</c>. Ours beyond the reference (see docs/safety.md): the URL timeouts and redirect bound, and the limits
/// an original's header may declare (<c>MaxPixels</c>, <c>MaxDimension</c>) plus the time its full decode may take.
/// </summary>
public sealed record SourceSettings(
    long MultipartMaxBytes,
    IReadOnlyList<string> UrlAllowedDomains,
    long UrlMaxBytes,
    int UrlMaxRedirects,
    TimeSpan UrlConnectTimeout,
    TimeSpan UrlReadTimeout,
    TimeSpan UrlTimeout,
    long MaxPixels,
    int MaxDimension,
    TimeSpan DecodeTimeout)
{
    /// <summary><c>source.max-frames</c> (ours): most frames an animated original may declare.</summary>
    public int MaxFrames { get; init; } = SourceImageLimits.DefaultMaxFrames;
}

public enum SigningAlgorithm { HmacSha256, HmacSha384, HmacSha512 }

/// <summary><c>url-signing</c>: when enabled, every GET/HEAD under <c>/assets</c> must carry a valid <c>s</c> parameter.</summary>
public sealed record UrlSigningSettings(bool Enabled, SigningAlgorithm Algorithm, string? SecretKey)
{
    public static UrlSigningSettings Disabled { get; } = new(false, SigningAlgorithm.HmacSha256, null);

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"Enabled = {Enabled}, Algorithm = {Algorithm}, SecretKey = {Secret.Mask(SecretKey)}, Negotiation = {Negotiation}");
        return true;
    }

    /// <summary><c>url-signing.negotiation</c>: how far <c>Accept</c> may choose the format of a signed read.</summary>
    public SignedNegotiation Negotiation { get; init; } = SignedNegotiation.Accept;
}
