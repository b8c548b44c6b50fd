using System.Globalization;
using System.Text;
using Konifer.UrlSigning;

namespace Konifer.Client;

/// <summary>
/// Builds the URLs a page puts in <c>src</c> and <c>srcset</c>: the <c>content</c> of an entry, transformed, on the
/// server (or the public address in front of it). With a signing key they carry the signature (<c>s</c>), and an
/// expiry (<c>exp</c>) when asked, as the server's <c>url-signing</c> checks them (the same <see cref="UrlSigner"/>).
/// No request is made. The signature covers the path as written here, so the server must receive that path: a
/// public address with a path prefix that a proxy strips cannot be signed for.
/// </summary>
public sealed class KoniferUrls
{
    private readonly Uri _baseAddress;
    private readonly UrlSigner? _signer;
    private readonly TimeSpan? _lifetime;
    private readonly TimeProvider _clock;

    /// <param name="baseAddress">Where browsers reach the server, e.g. <c>https://images.example.com/</c>.</param>
    /// <param name="signer">Signs every URL, when the server requires signed reads.</param>
    /// <param name="lifetime">With a signer: how long a URL stays valid (<c>exp</c>); forever when null.</param>
    /// <param name="clock">The clock of <paramref name="lifetime"/>.</param>
    public KoniferUrls(Uri baseAddress, UrlSigner? signer = null, TimeSpan? lifetime = null, TimeProvider? clock = null)
    {
        _signer = signer;
        _lifetime = lifetime;
        _clock = clock ?? TimeProvider.System;
        ArgumentNullException.ThrowIfNull(baseAddress);
        if (!baseAddress.IsAbsoluteUri) throw new ArgumentException("The base address must be absolute.", nameof(baseAddress));
        _baseAddress = baseAddress;
    }

    /// <summary>
    /// The URL of the selected entry's image, transformed (signed when there is a signer). With a signer,
    /// <paramref name="expiresAt"/> sets when the URL stops being valid, overriding the lifetime.
    /// </summary>
    public Uri Content(string path, ImageTransformation? transformation = null, EntrySelector? entry = null, DateTimeOffset? expiresAt = null)
    {
        var url = Root() + AssetUrl.Build(path, entry?.Segment, "content", transformation?.ToQuery());
        if (_signer is null) return new Uri(url);
        return new Uri(_signer.SignUrl(url, expiresAt ?? (_lifetime is { } lifetime ? _clock.GetUtcNow() + lifetime : null)));
    }

    /// <summary>
    /// A <c>srcset</c> value: one URL per width (<c>url 320w, url 640w, …</c>), each the transformation with that
    /// width; a height, when the transformation has one, is scaled with it so the crop keeps its aspect.
    /// </summary>
    public string Srcset(string path, IEnumerable<int> widths, ImageTransformation? transformation = null, EntrySelector? entry = null,
        DateTimeOffset? expiresAt = null)
    {
        ArgumentNullException.ThrowIfNull(widths);
        var srcset = new StringBuilder();
        foreach (var width in widths.Distinct().Order())
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(width, 1, nameof(widths));
            if (srcset.Length > 0) srcset.Append(", ");
            srcset.Append(Content(path, AtWidth(transformation ?? ImageTransformation.None, width), entry, expiresAt).AbsoluteUri)
                .Append(' ').Append(width.ToString(CultureInfo.InvariantCulture)).Append('w');
        }
        return srcset.ToString();
    }

    /// <summary>The transformation at another width; a height is scaled in proportion (a box keeps its shape).</summary>
    public static ImageTransformation AtWidth(ImageTransformation transformation, int width)
    {
        ArgumentNullException.ThrowIfNull(transformation);
        var height = transformation is { Width: { } w, Height: { } h } && w > 0
            ? Math.Max(1, (int)Math.Round((double)h * width / w, MidpointRounding.AwayFromZero))
            : transformation.Height is not null && transformation.Width is null ? null : transformation.Height;
        return transformation with { Width = width, Height = height };
    }

    private string Root() => _baseAddress.GetLeftPart(UriPartial.Authority) + _baseAddress.AbsolutePath.TrimEnd('/');
}
