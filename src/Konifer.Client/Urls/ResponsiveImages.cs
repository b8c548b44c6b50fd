using Konifer.LqipEncoders;

namespace Konifer.Client;

/// <summary>
/// Builds <see cref="ResponsiveImage"/>s: URLs from <see cref="KoniferUrls"/> (signed when it signs), and from one
/// <c>link</c> request the size, alt text and ThumbHash of the largest width (generated then if it did not exist).
/// The <c>&lt;konifer-img&gt;</c> tag helper renders these; use it directly for other views (Blazor, JSON for a SPA).
/// </summary>
public sealed class ResponsiveImages(KoniferClient client, KoniferUrls urls)
{
    /// <param name="path">The asset path.</param>
    /// <param name="widths">The <c>srcset</c> widths; none for a single <c>src</c> of <paramref name="transformation"/> as it is.</param>
    /// <param name="transformation">The variant at every width (a height scales with the width).</param>
    /// <param name="entry">The newest entry when null.</param>
    /// <param name="cancellationToken">Cancels the link request.</param>
    /// <returns>Null when the path has no such entry.</returns>
    public async Task<ResponsiveImage?> GetAsync(string path, IEnumerable<int>? widths = null, ImageTransformation? transformation = null,
        EntrySelector? entry = null, CancellationToken cancellationToken = default)
    {
        var sorted = (widths ?? []).Distinct().Order().ToList();
        var asked = transformation ?? ImageTransformation.None;
        var largest = sorted.Count > 0 ? KoniferUrls.AtWidth(asked, sorted[^1]) : asked;
        var link = await client.GetLinkAsync(path, largest, entry, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (link is null) return null;
        return new ResponsiveImage(
            urls.Content(path, largest, entry),
            sorted.Count > 0 ? urls.Srcset(path, sorted, asked, entry) : "",
            link.Attributes.Width,
            link.Attributes.Height,
            link.Alt,
            link.Lqip.Thumbhash is { } thumbhash ? PngDataUrl.FromThumbHash(thumbhash) : null);
    }
}
