using Konifer.Core.Assets;
using Konifer.Core.Images;
using Konifer.Transformations;

namespace Konifer.Assets;

/// <summary>
/// A read of one path as the inbound adapter parsed it. The defaults are those of a plain request: the newest entry,
/// no label filter, one entry, the original, and any format the <c>Accept</c> header may pick.
/// </summary>
/// <param name="Path">The application path read.</param>
/// <param name="Format">What to answer with.</param>
public sealed record FetchRequest(AssetPath Path, ReturnFormat Format)
{
    /// <summary>One exact entry; null selects by <see cref="Order"/> and <see cref="Labels"/>.</summary>
    public long? EntryId { get; init; }

    public AssetOrder Order { get; init; } = AssetOrder.New;

    /// <summary>Label filters: every one must match.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// How many entries, as given (<c>-1</c> for all); null when not given: 20 for <see cref="ReturnFormat.Entries"/>,
    /// one otherwise. Only <see cref="ReturnFormat.Entries"/> may ask for more than one.
    /// </summary>
    public int? Limit { get; init; }

    /// <summary>The variant asked for; <see cref="RequestedTransformation.None"/> is the original.</summary>
    public RequestedTransformation Transformation { get; init; } = RequestedTransformation.None;

    /// <summary>
    /// The <c>Accept</c> header to negotiate the format with when the request does not name one; null when nothing
    /// may be negotiated (a signed URL pins the format), so nothing varies on it.
    /// </summary>
    public string? Accept { get; init; }

    /// <summary>The formats negotiation may pick from (a signed URL may narrow them).</summary>
    public IReadOnlyCollection<ImageFormat> NegotiableFormats { get; init; } = ImageFormats.All;
}
