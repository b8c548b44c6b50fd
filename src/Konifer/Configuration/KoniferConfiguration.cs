using Konifer.Paths;
using Konifer.Transformations;

namespace Konifer.Configuration;

/// <summary>
/// All of <c>konifer.conf</c> (after the environment's overrides), read and validated once at start-up by
/// <see cref="Reading.KoniferConfigurationReader"/>: the global settings, the variant profiles and the path rules.
/// </summary>
public sealed record KoniferConfiguration(KoniferSettings Settings, VariantProfiles Profiles, PathConfigurationResolver Paths)
{
    /// <summary>Older spellings that were accepted, each as <c>key: what to write instead</c>; logged once at start-up.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary><c>metrics</c>: the Prometheus endpoint and OTLP export (Observability/).</summary>
    public MetricsSettings Metrics { get; init; } = new();

    /// <summary><c>rule-definitions</c>, <c>api.rule-evaluation</c> and <c>rules</c>: upload rules and their model (Rules/, Inference/).</summary>
    public RulesSettings Rules { get; init; } = new();

    /// <summary><c>auth</c>: API keys and JWTs for the write API (Http/Auth, docs/security.md); disabled by default.</summary>
    public AuthSettings Auth { get; init; } = AuthSettings.Disabled;
}
