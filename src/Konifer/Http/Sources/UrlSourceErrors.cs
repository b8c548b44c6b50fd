using Konifer.Core.Assets;
using Konifer.Core.Sources;
using Konifer.Http.Uploads;

namespace Konifer.Http.Sources;

/// <summary>
/// Maps a refused URL source to the API's statuses: too large is 413 like an oversized upload; every other refusal
/// (host, address, redirects, timeouts, upstream status) is 400 with the rule named (see docs/safety.md).
/// </summary>
public static class UrlSourceErrors
{
    public static async Task<T> TranslateAsync<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (UrlSourceException e) when (e.Failure == UrlSourceFailure.TooLarge)
        {
            throw new PayloadTooLargeException(e.Message);
        }
        catch (UrlSourceException e)
        {
            throw new BadRequestException(e.Message);
        }
    }
}
