namespace Konifer.Core.Images;

/// <summary>Low-quality image placeholders of a variant; null where the path does not enable them.</summary>
public sealed record Lqip(string? Blurhash, string? Thumbhash)
{
    public static Lqip None { get; } = new(null, null);
}
