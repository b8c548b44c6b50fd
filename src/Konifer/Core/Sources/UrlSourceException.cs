namespace Konifer.Core.Sources;

/// <summary>A URL source that was refused or could not be fetched; the message names the rule or the cause.</summary>
public sealed class UrlSourceException(UrlSourceFailure failure, string message, Exception? inner = null) : Exception(message, inner)
{
    public UrlSourceFailure Failure { get; } = failure;
}
