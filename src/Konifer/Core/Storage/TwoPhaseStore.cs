using Microsoft.Extensions.Logging;

namespace Konifer.Core.Storage;

/// <summary>
/// The second phase of storing an original or a generated variant, shared so that both fail the same way. Once its
/// record is reserved (pending, with the object's location): upload the file, then mark the record ready. Any failure
/// in between, cancellation included, abandons the reservation (its possibly half-written object is queued for
/// deletion) and is rethrown. If even abandoning fails (the metadata store went away), the pending-upload sweeper
/// removes the record later; the caller still sees why storing failed. So no object is left that no record leads to.
/// </summary>
public static partial class TwoPhaseStore
{
    /// <param name="markReady">Runs once the upload succeeded; its failure (or its own check throwing) abandons too.</param>
    /// <param name="abandon">Given <see cref="CancellationToken.None"/>: cleaning up must not stop because the request did.</param>
    /// <param name="logger">The caller's, so that the lines keep their category.</param>
    public static async Task<TReady> UploadThenMarkReadyAsync<TReady>(IObjectStore objectStore, ReservedUpload upload,
        Func<Task<TReady>> markReady, Func<CancellationToken, Task> abandon, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await using (var content = new FileStream(upload.File, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true))
                await objectStore.PutAsync(upload.Location, content, content.Length, upload.ContentType, cancellationToken);
            return await markReady();
        }
        catch (Exception e)
        {
            LogFailed(logger, upload, e);
            try
            {
                await abandon(CancellationToken.None);
            }
            catch (Exception abandoning)
            {
                // The sweeper abandons it later; the caller must see why storing failed, not this.
                LogAbandonFailed(logger, upload, abandoning);
            }
            throw;
        }
    }

    // Constant templates (not one built from the kind) keep the structured lines exactly as they were.
    private static void LogFailed(ILogger logger, ReservedUpload upload, Exception e)
    {
        if (upload.IsVariant)
            LogVariantStoreFailed(logger, e, upload.Path, upload.EntryId);
        else
            LogOriginalStoreFailed(logger, e, upload.Path, upload.EntryId);
    }

    private static void LogAbandonFailed(ILogger logger, ReservedUpload upload, Exception e)
    {
        if (upload.IsVariant)
            LogVariantAbandonFailed(logger, e, upload.Path, upload.EntryId);
        else
            LogOriginalAbandonFailed(logger, e, upload.Path, upload.EntryId);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing {Path} entry {EntryId} failed; abandoning it")]
    private static partial void LogOriginalStoreFailed(ILogger logger, Exception exception, Assets.AssetPath path, long entryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Abandoning {Path} entry {EntryId} failed; the pending-upload sweeper will remove it")]
    private static partial void LogOriginalAbandonFailed(ILogger logger, Exception exception, Assets.AssetPath path, long entryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing a variant of {Path} entry {EntryId} failed; abandoning it")]
    private static partial void LogVariantStoreFailed(ILogger logger, Exception exception, Assets.AssetPath path, long entryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Abandoning a variant of {Path} entry {EntryId} failed; the pending-upload sweeper will remove it")]
    private static partial void LogVariantAbandonFailed(ILogger logger, Exception exception, Assets.AssetPath path, long entryId);
}
