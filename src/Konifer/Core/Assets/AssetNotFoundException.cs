using Konifer.Core.Problems;

namespace Konifer.Core.Assets;

public sealed class AssetNotFoundException(AssetPath path, long? entryId)
    : DomainException(ProblemKind.NotFound, entryId is null ? $"No asset found at {path}." : $"No asset with entry id {entryId} found at {path}.");
