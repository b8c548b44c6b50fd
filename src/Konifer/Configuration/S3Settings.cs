namespace Konifer.Configuration;

public sealed record S3Settings(string? EndpointUrl, string? Region, string? AccessKey, string? SecretKey, bool ForcePathStyle)
{
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"EndpointUrl = {EndpointUrl}, Region = {Region}, AccessKey = {AccessKey}, SecretKey = {Secret.Mask(SecretKey)}, ForcePathStyle = {ForcePathStyle}");
        return true;
    }
}
