using Konifer.Core.Assets;
using Konifer.Core.Transformations;

namespace Konifer.Variants.Jobs;

/// <summary>A taken job. <see cref="Attempt"/> counts the takes so far, this one included (1 the first time).</summary>
public sealed record GenerationJob(long Id, Guid AssetId, AssetPath Path, long EntryId, Transformation Transformation, int Attempt);
