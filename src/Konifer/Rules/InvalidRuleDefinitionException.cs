using Konifer.Core.Problems;

namespace Konifer.Rules;

/// <summary>
/// A rule definition (from <c>rule-definitions</c> or a <c>POST /rule-evaluations</c> request) breaks one of the
/// reference's rules; <see cref="Exception.Message"/> is the reference's message, <see cref="Setting"/> the key it
/// concerns (empty for the name), so a reader can name the full key and the API can answer 400 with the message.
/// </summary>
public sealed class InvalidRuleDefinitionException(string setting, string message) : DomainException(ProblemKind.BadRequest, message)
{
    public InvalidRuleDefinitionException(string message) : this("", message) { }

    /// <summary><c>prompts</c>, <c>threshold</c>, <c>definitions</c>, or empty when the name is wrong.</summary>
    public string Setting { get; } = setting;
}
