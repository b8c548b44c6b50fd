using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Konifer.Client;

public sealed partial class KoniferClient
{
    /// <summary>
    /// The entries at <paramref name="path"/> and below whose images best match <paramref name="text"/>, closest first
    /// (paths with <c>search.enabled</c>).
    /// </summary>
    public Task<IReadOnlyList<SearchResult>> SearchAsync(string path, string text, int? limit = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return SearchByAsync(path, new KeyValuePair<string, string>("q", text), limit, cancellationToken);
    }

    /// <summary>The entries at <paramref name="path"/> and below whose images look most like entry <paramref name="entryId"/> of it.</summary>
    public Task<IReadOnlyList<SearchResult>> FindSimilarAsync(string path, long entryId, int? limit = null, CancellationToken cancellationToken = default) =>
        SearchByAsync(path, new KeyValuePair<string, string>("similar-to", entryId.ToString(CultureInfo.InvariantCulture)), limit, cancellationToken);

    /// <summary>Scores an image against rule definitions without storing it (<c>api.rule-evaluation.enabled</c> on the server).</summary>
    public async Task<IReadOnlyList<RuleEvaluation>> EvaluateRulesAsync(Stream image, IReadOnlyList<RuleDefinition> definitions,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        var request = new HttpRequestMessage(HttpMethod.Post, "/rule-evaluations")
        {
            Content = Multipart(image, new RuleEvaluationBody(null, definitions), ClientJson.Default.RuleEvaluationBody, null),
        };
        return (await SendAsync(request, ClientJson.Default.RuleEvaluationsBody, cancellationToken).ConfigureAwait(false)).Results;
    }

    /// <summary>Scores the image at <paramref name="url"/> (on the server's allow-list) against rule definitions.</summary>
    public async Task<IReadOnlyList<RuleEvaluation>> EvaluateRulesAsync(Uri url, IReadOnlyList<RuleDefinition> definitions,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        var body = new RuleEvaluationBody(new SourceBody(new HttpSourceBody(url), null), definitions);
        var request = new HttpRequestMessage(HttpMethod.Post, "/rule-evaluations") { Content = JsonContent.Create(body, ClientJson.Default.RuleEvaluationBody) };
        return (await SendAsync(request, ClientJson.Default.RuleEvaluationsBody, cancellationToken).ConfigureAwait(false)).Results;
    }

    private async Task<IReadOnlyList<SearchResult>> SearchByAsync(string path, KeyValuePair<string, string> by, int? limit, CancellationToken cancellationToken)
    {
        var query = new List<KeyValuePair<string, string>> { by };
        if (limit is { } n) query.Add(new("limit", n.ToString(CultureInfo.InvariantCulture)));
        var request = new HttpRequestMessage(HttpMethod.Get, AssetUrl.Build(path, "search", null, query));
        var body = await SendAsync(request, ClientJson.Default.SearchBody, cancellationToken).ConfigureAwait(false);
        return body.Results.Select(Result).ToArray();
    }

    // A result is the entry's JSON with its path and score added: read it twice, as the entry and for those two.
    private static SearchResult Result(JsonElement result) => new(
        result.GetProperty("path").GetString() ?? "",
        result.GetProperty("score").GetDouble(),
        result.Deserialize(ClientJson.Default.AssetInfo) ?? throw new KoniferException("The server answered a search result that is not an entry."));
}
