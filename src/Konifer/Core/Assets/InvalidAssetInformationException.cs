using Konifer.Core.Problems;

namespace Konifer.Core.Assets;

/// <summary>Alt text, labels or tags the store will not keep (too long, empty, unstorable characters); the message says which.</summary>
public sealed class InvalidAssetInformationException(string message) : DomainException(ProblemKind.BadRequest, message);
