using Konifer.Core.Problems;

namespace Konifer.Http.Uploads;

public sealed class UnsupportedMediaTypeException(string message) : DomainException(ProblemKind.UnsupportedMediaType, message);
