using Konifer.Core.Images;
using Konifer.Core.Problems;

namespace Konifer.Core.Assets;

/// <summary>The image is fine but the path's <c>allowed-content-types</c> does not admit its format.</summary>
public sealed class ContentTypeNotAllowedException(ImageFormat format, AssetPath path, IEnumerable<ImageFormat> allowed)
    : DomainException(ProblemKind.Forbidden, $"Content type {format.MediaType()} is not allowed at {path}; allowed: {string.Join(", ", allowed.Select(f => f.MediaType()))}.");
