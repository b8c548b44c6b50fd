using Konifer.Core.Assets;
using Konifer.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Konifer.Assets;

/// <summary>
/// Deletes records at once; their bytes are removed by the outbox worker, which this wakes up. Deleting nothing is
/// not an error: DELETE is idempotent and always answers 204.
/// </summary>
public sealed partial class DeleteAssets(IAssetRepository repository, IObjectDeletionSignal deletionSignal, ILogger<DeleteAssets> logger)
{
    public async Task<int> ExecuteAsync(DeleteAssetsCommand command, CancellationToken cancellationToken)
    {
        var deleted = command.Recursive
            ? await repository.DeleteRecursiveAsync(command.Path, command.Query.Labels, cancellationToken)
            : await repository.DeleteAsync(command.Path, command.Query, cancellationToken);
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
