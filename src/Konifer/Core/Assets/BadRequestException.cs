namespace Konifer.Core.Assets;

/// <summary>A request the client must change: answered with 400 and this message.</summary>
public sealed class BadRequestException(string message) : Konifer.Core.Problems.DomainException(Konifer.Core.Problems.ProblemKind.BadRequest, message);
