using Konifer.Core.Assets;
using Konifer.Core.Storage;
using Konifer.Paths;
using Konifer.Variants;

namespace Konifer.Assets;

/// <summary>
/// What a fetch answers: one of the nested kinds, and no other (the constructor is private). Every kind carries the
/// path's <c>Cache-Control</c>, which every successful read sends. The kinds that serve a variant say whether it was
/// generated for this request (<see cref="CacheStatus"/>) and whether <c>Accept</c> chose its format (then caches must
/// vary on it).
/// </summary>
public abstract record FetchOutcome
{
    private FetchOutcome(CacheControlSettings cacheControl) => CacheControl = cacheControl;

    public CacheControlSettings CacheControl { get; }

    /// <summary>
    /// The entries themselves (<c>info</c>), never empty. <paramref name="AsList"/> when the request asked for other
    /// than one entry (<c>limit</c> ≠ 1): then even a single match is answered as a list.
    /// </summary>
    public sealed record Info(IReadOnlyList<Asset> Assets, bool AsList, CacheControlSettings CacheControl) : FetchOutcome(CacheControl);

    /// <summary>
    /// Where the content is (<c>link</c>). <paramref name="ContentQuery"/> is the query of the content URL, with its
    /// <c>?</c>: empty for the original, <c>?profile=name</c> when only a profile was asked for (a <c>profile_only</c>
    /// path refuses explicit parameters, so the link must not spell the profile out), else the variant's canonical
    /// parameters.
    /// </summary>
    public sealed record Link(Asset Asset, Variant Variant, string ContentQuery, CacheStatus CacheStatus, bool Negotiated,
        CacheControlSettings CacheControl) : FetchOutcome(CacheControl);

    /// <summary>
    /// Send the client to <paramref name="Location"/> (<c>redirect</c>). For a presigned URL,
    /// <paramref name="CacheControl"/> is already limited to the URL's lifetime, so no cache keeps a dead link.
    /// </summary>
    public sealed record Redirect(string Location, CacheStatus CacheStatus, bool Negotiated, CacheControlSettings CacheControl)
        : FetchOutcome(CacheControl);

    /// <summary>
    /// The bytes (<c>content</c>, <c>download</c>, or a <c>redirect</c> the path cannot make). <paramref name="OpenAsync"/>
    /// opens them only when they are sent, so a conditional request answered with 304 never touches the object store;
    /// it throws <see cref="AssetContentMissingException"/> when the object is gone.
    /// </summary>
    public sealed record Content(Asset Asset, Variant Variant, bool AsDownload, CacheStatus CacheStatus, bool Negotiated,
        CacheControlSettings CacheControl, Func<CancellationToken, Task<StoredObject>> OpenAsync) : FetchOutcome(CacheControl);
}
