using Konifer.Core.Assets;

namespace Konifer.Variants;

public sealed record ServedVariant(Variant Variant, CacheStatus CacheStatus);
