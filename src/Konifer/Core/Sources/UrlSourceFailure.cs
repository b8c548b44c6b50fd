namespace Konifer.Core.Sources;

/// <summary>Why a URL source was refused; <see cref="UrlSourceException"/> gives each its problem kind (see docs/safety.md).</summary>
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
