using Konifer.Core.Problems;

namespace Konifer.Core.Images;

/// <summary>Uploaded bytes that are not a supported image, or a broken one.</summary>
public sealed class InvalidImageException(string message, Exception? inner = null) : DomainException(ProblemKind.BadRequest, message, inner);
