namespace Konifer.Configuration;

public sealed record S3Settings(string? EndpointUrl, string? Region, string? AccessKey, string? SecretKey, bool ForcePathStyle)
{
    /// <summary>
    /// <c>object-store.s3.startup-timeout</c> (ours): how long start-up keeps retrying, with back-off, while the S3
    /// endpoint cannot be reached yet; zero tries once. As long as PostgreSQL's by default.
    /// </summary>
    public TimeSpan StartupTimeout { get; init; } = PostgreSqlSettings.DefaultStartupTimeout;

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"EndpointUrl = {EndpointUrl}, Region = {Region}, AccessKey = {AccessKey}, SecretKey = {Secret.Mask(SecretKey)}, ForcePathStyle = {ForcePathStyle}, StartupTimeout = {StartupTimeout}");
        return true;
    }
}
