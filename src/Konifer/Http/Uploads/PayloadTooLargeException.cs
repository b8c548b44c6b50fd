using Konifer.Core.Problems;

namespace Konifer.Http.Uploads;

public sealed class PayloadTooLargeException(string message) : DomainException(ProblemKind.TooLarge, message);
