using Konifer.Core.Problems;

namespace Konifer.Transformations;

/// <summary>
/// A transformation the client must change (a bad parameter value, a missing companion parameter, an unknown profile,
/// a refused on-demand request or no acceptable format). The HTTP layer answers it with 400 and this message.
/// </summary>
public sealed class InvalidTransformationException(string parameter, string message) : DomainException(ProblemKind.BadRequest, message)
{
    /// <summary>The parameter (or header, or configuration rule) the message is about, e.g. <c>w</c> or <c>Accept</c>.</summary>
    public string Parameter { get; } = parameter;
}
