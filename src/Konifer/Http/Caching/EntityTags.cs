using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Konifer.Core.Assets;
using Microsoft.Net.Http.Headers;

namespace Konifer.Http.Caching;

/// <summary>
/// Validators for asset responses. Content gets a strong ETag from the variant's identity (its bytes never change)
/// and the asset's modification time (alt, labels and tags travel in headers, and a PUT moves that time), so it is
/// stable across requests, differs per variant and rotates on PUT. JSON bodies get a weak ETag of their own bytes.
/// </summary>
public static class EntityTags
{
    public static EntityTagHeaderValue ForContent(Asset asset, Variant variant)
    {
        var identity = string.Create(CultureInfo.InvariantCulture, $"{asset.Id:N}|{variant.Id:N}|{asset.ModifiedAt.UtcTicks}");
        return new EntityTagHeaderValue(Quoted(SHA256.HashData(Encoding.UTF8.GetBytes(identity))), isWeak: false);
    }

    /// <summary>Weak: equal JSON means the same information, not necessarily the same bytes on the wire.</summary>
    public static EntityTagHeaderValue ForJson(ReadOnlySpan<byte> body) =>
        new(Quoted(SHA256.HashData(body)), isWeak: true);

    /// <summary>
    /// <c>Last-Modified</c> of a variant's content: the later of the asset's last change and the variant's creation
    /// (a variant generated or regenerated later is newer than its asset), in whole seconds as HTTP dates carry.
    /// </summary>
    public static DateTimeOffset LastModified(Asset asset, Variant variant)
    {
        var latest = asset.ModifiedAt > variant.CreatedAt ? asset.ModifiedAt : variant.CreatedAt;
        var utc = latest.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
    }

    // 128 bits of the hash are plenty to tell representations apart and keep the header short.
    private static string Quoted(byte[] hash) => "\"" + Convert.ToHexStringLower(hash, 0, 16) + "\"";
}
