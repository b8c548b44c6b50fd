using Konifer.Variants.Scheduling;

namespace Konifer.Configuration;

/// <summary>The global (not per-path) settings of <c>konifer.conf</c>: the part of <see cref="KoniferConfiguration"/> most services need.</summary>
public sealed record KoniferSettings(
    DataStoreSettings DataStore,
    ObjectStoreSettings ObjectStore,
    HttpSettings Http,
    SourceSettings Source,
    VariantGenerationSettings VariantGeneration,
    UrlSigningSettings UrlSigning)
{
    /// <summary><c>instance</c>: the role of this process (API, generation worker, or both).</summary>
    public InstanceSettings Instance { get; init; } = InstanceSettings.Default;
}
