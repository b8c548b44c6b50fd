namespace Konifer.Core.Sources;

/// <summary>Why a URL source was refused; the HTTP layer turns each into a status (see docs/safety.md).</summary>
public enum UrlSourceFailure
{
    InvalidUrl,
    HostNotAllowed,
    AddressNotAllowed,
    TooManyRedirects,
    TooLarge,
    TimedOut,
    UpstreamStatus,
    Unreachable,
}
