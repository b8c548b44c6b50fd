using Konifer.Core.Problems;

namespace Konifer.Transformations;

/// <summary>
/// A variant over <c>transform.limits</c>. The client reads the reference's <c>Invalid transformation</c>; which
/// limit it broke is the message, for the log only (the reference keeps it out of the answer, and so do we).
/// </summary>
public sealed class TransformationLimitException(string problem) : DomainException(ProblemKind.BadRequest, problem)
{
    public const string ClientMessage = "Invalid transformation";

    public override string Detail => ClientMessage;
}
