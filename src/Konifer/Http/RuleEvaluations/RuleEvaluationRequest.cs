using Konifer.Core.Sources;
using Konifer.Http.Uploads;
using Konifer.Rules;

namespace Konifer.Http.RuleEvaluations;

/// <summary>
/// The JSON of <c>POST /rule-evaluations</c>: the body (with a <c>source</c> or the deprecated <c>url</c>, as a store
/// from a source) or the <c>metadata</c> part of a multipart request (without either). Unknown fields are ignored.
/// </summary>
public sealed record RuleEvaluationRequest(string? Url, SourceRequest? Source, List<RuleDefinitionBody?>? Definitions)
{
    public bool NamesExternalSource => Source is not null || Url is not null;

    public ExternalSource ResolveSource() => SourceRequest.Resolve(Source, Url);

    /// <summary>The definitions as sent; a null entry becomes a definition without a name, refused as such.</summary>
    public IReadOnlyList<RuleDefinitionRequest>? ToRequests() =>
        Definitions?.Select(d => d?.ToRequest() ?? new RuleDefinitionRequest(null, null, double.NaN)).ToArray();
}
