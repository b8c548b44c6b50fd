using Konifer.Core.Problems;

namespace Konifer.Rules;

/// <summary>
/// The upload rules refuse an upload, or their labels would exceed the limit: nothing may be stored, and the client
/// gets 400 with <see cref="Exception.Message"/> as the reference words it.
/// </summary>
public sealed class UploadRejectedException(string message) : DomainException(ProblemKind.BadRequest, message)
{
    public const string DefaultMessage = "Asset rejected by upload rules";

    public UploadRejectedException() : this(DefaultMessage) { }
}
