using Konifer.Core.Problems;

namespace Konifer.Core.Assets;

/// <summary>The record exists but its bytes do not (should not happen with two-phase stores; reported as 404).</summary>
public sealed class AssetContentMissingException(AssetPath path, long entryId)
    : DomainException(ProblemKind.NotFound, $"The content of entry {entryId} at {path} is not available.");
