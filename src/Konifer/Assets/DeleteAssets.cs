using Konifer.Core.Assets;
using Konifer.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Konifer.Assets;

/// <summary>
/// Deletes records at once; their bytes are removed by the outbox worker, which this wakes up. Deleting nothing is
/// not an error: DELETE is idempotent and always answers 204.
/// </summary>
public sealed partial class DeleteAssets(IAssetEntries entries, IObjectDeletionSignal deletionSignal, ILogger<DeleteAssets> logger)
{
    public async Task<int> ExecuteAsync(DeleteAssetsCommand command, CancellationToken cancellationToken)
    {
        if (command.Recursive && command.Limit is not null)
            throw new BadRequestException("limit cannot be combined with recursive: a recursive delete removes every match.");
        // An exact entry is one entry whatever the limit says.
        var query = new AssetQuery(command.EntryId, command.Order, command.Labels, command.EntryId is null ? command.Limit ?? 1 : 1);
        var deleted = command.Recursive
            ? await entries.DeleteRecursiveAsync(command.Path, query.Labels, cancellationToken)
            : await entries.DeleteAsync(command.Path, query, cancellationToken);
        if (deleted > 0)
        {
            deletionSignal.Nudge();
            LogDeleted(logger, deleted, command.Path, command.Recursive);
        }
        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} asset(s) at {Path} (recursive: {Recursive})")]
    private static partial void LogDeleted(ILogger logger, int count, AssetPath path, bool recursive);
}
