using System.Globalization;
using System.Web;

namespace Konifer.Storage.Objects.S3;

/// <summary>
/// When a SigV4 presigned URL stops working, read from the URL itself (<c>X-Amz-Date</c> + <c>X-Amz-Expires</c>):
/// the SDK signs at its own whole second, which may be one after the one we asked from, and a reported expiry
/// must never be later than the store's.
/// </summary>
internal static class SigV4Expiry
{
    public static DateTimeOffset? Of(Uri url)
    {
        var query = HttpUtility.ParseQueryString(url.Query);
        return DateTimeOffset.TryParseExact(query["X-Amz-Date"], "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
                   DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var signedAt)
               && int.TryParse(query["X-Amz-Expires"], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? signedAt.AddSeconds(seconds)
            : null;
    }
}
