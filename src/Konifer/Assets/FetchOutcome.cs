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

    /// <summary>One entry's information (<c>info</c>).</summary>
    public sealed record Info(Asset Asset, CacheControlSettings CacheControl) : FetchOutcome(CacheControl);

    /// <summary>The information of every selected entry (<c>entries</c>) in the requested order; empty when none match.</summary>
    public sealed record Entries(IReadOnlyList<Asset> Assets, CacheControlSettings CacheControl) : FetchOutcome(CacheControl);

    /// <summary>
    /// Where the delivered variant is (<c>link</c>, or <c>redirect</c> when <paramref name="AsRedirect"/>).
    /// <paramref name="Direct"/> is the URL the path's delivery strategy gives, or null for the service's own content
    /// URL of the entry, whose query is <paramref name="ContentQuery"/> (with its <c>?</c>): empty for the original,
    /// <c>?profile=name</c> when only a profile was asked for (a <c>profile_only</c> path refuses explicit parameters,
    /// so the URL must not spell the profile out), else the variant's canonical parameters. For a presigned URL,
    /// <paramref name="CacheControl"/> is already limited to the URL's lifetime, so no cache keeps a dead link.
    /// </summary>
    public sealed record Delivery(Asset Asset, Variant Variant, bool AsRedirect, string ContentQuery, DeliveryUrl? Direct,
        CacheStatus CacheStatus, bool Negotiated, CacheControlSettings CacheControl) : FetchOutcome(CacheControl);

    /// <summary>
    /// The bytes (<c>content</c>, <c>download</c>). <paramref name="OpenAsync"/> opens them only when they are sent,
    /// so a conditional request answered with 304 never touches the object store; it throws
    /// <see cref="AssetContentMissingException"/> when the object is gone.
    /// </summary>
    public sealed record Content(Asset Asset, Variant Variant, bool AsDownload, CacheStatus CacheStatus, bool Negotiated,
        CacheControlSettings CacheControl, Func<CancellationToken, Task<StoredObject>> OpenAsync) : FetchOutcome(CacheControl);
}
