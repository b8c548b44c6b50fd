using System.Text.Json;
using System.Text.Json.Serialization;

namespace Konifer.Client;

/// <summary>The server's JSON (camelCase, nulls left out), read and written without reflection so the client trims.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AssetInfo))]
[JsonSerializable(typeof(AssetLink))]
[JsonSerializable(typeof(EntriesBody))]
[JsonSerializable(typeof(SearchBody))]
[JsonSerializable(typeof(StoreBody))]
[JsonSerializable(typeof(MetadataBody))]
[JsonSerializable(typeof(RuleEvaluationBody))]
[JsonSerializable(typeof(RuleEvaluationsBody))]
internal sealed partial class ClientJson : JsonSerializerContext;

/// <summary><c>{"entries": [...]}</c>.</summary>
internal sealed record EntriesBody(IReadOnlyList<AssetInfo> Entries);

/// <summary><c>{"results": [...]}</c>: each result is an entry's JSON with its path and score first.</summary>
internal sealed record SearchBody(IReadOnlyList<JsonElement> Results);

/// <summary>The metadata part of a multipart store, and the body of an update.</summary>
internal sealed record MetadataBody(string? Alt, IReadOnlyDictionary<string, string>? Labels, IReadOnlyList<string>? Tags)
{
    public static MetadataBody From(AssetMetadata? metadata) => new(metadata?.Alt, metadata?.Labels, metadata?.Tags);
}

/// <summary>A store from a URL: <c>{"source":{"http":{"url":…}}, "alt":…, …}</c>.</summary>
internal sealed record StoreBody(SourceBody Source, string? Alt, IReadOnlyDictionary<string, string>? Labels, IReadOnlyList<string>? Tags);

internal sealed record SourceBody(HttpSourceBody? Http, S3SourceBody? S3);

internal sealed record HttpSourceBody(Uri Url);

internal sealed record S3SourceBody(string Arn);

/// <summary>The body (or multipart metadata) of <c>POST /rule-evaluations</c>.</summary>
internal sealed record RuleEvaluationBody(SourceBody? Source, IReadOnlyList<RuleDefinition> Definitions);

internal sealed record RuleEvaluationsBody(IReadOnlyList<RuleEvaluation> Results);
