using Konifer.Core.Assets;
using Konifer.Core.Transformations;

namespace Konifer.Variants.Jobs;

/// <summary>A variant to generate without a waiting client. The path and entry id find the asset again; the id tells it is still the same one.</summary>
public sealed record NewGenerationJob(Guid AssetId, AssetPath Path, long EntryId, Transformation Transformation);
