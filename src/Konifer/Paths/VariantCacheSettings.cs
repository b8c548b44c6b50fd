using Konifer.Core.Assets;

namespace Konifer.Paths;

/// <summary>
/// <c>transform.retention.cache</c>: how many generated variants an asset keeps, and how fast their access scores
/// fade. Checked here so that a bad value stops start-up, naming the key.
/// </summary>
public sealed record VariantCacheSettings(int MaxVariants, TimeSpan AccessScoreHalfLife)
{
    public const int DefaultMaxVariants = 16;

    public static readonly TimeSpan DefaultAccessScoreHalfLife = TimeSpan.FromHours(1);

    public static VariantCacheSettings Default { get; } = new(DefaultMaxVariants, DefaultAccessScoreHalfLife);

    /// <summary>What the metadata store applies when a variant becomes ready.</summary>
    public VariantCap Cap { get; } = new(MaxVariants, AccessScoreHalfLife);

    /// <exception cref="InvalidPathSettingException">
    /// A value is not above zero, or the path's eager variants alone would fill the cache, so generating them would
    /// evict each other.
    /// </exception>
    public static VariantCacheSettings Create(int? maxVariants, TimeSpan? halfLife, int eagerVariants)
    {
        var max = maxVariants ?? DefaultMaxVariants;
        if (max <= 0) throw new InvalidPathSettingException("max-variants", "'max-variants' must be greater than zero");
        if (halfLife is { } h && h <= TimeSpan.Zero)
            throw new InvalidPathSettingException("access-score-half-life", "'access-score-half-life' must be greater than zero");
        if (max <= eagerVariants)
            throw new InvalidPathSettingException("max-variants", $"'max-variants' must be greater than the number of eager variants ({eagerVariants})");
        return max == DefaultMaxVariants && halfLife is null ? Default : new VariantCacheSettings(max, halfLife ?? DefaultAccessScoreHalfLife);
    }
}
