namespace Konifer.Client;

/// <summary>Low-quality image placeholders of a variant, when the path computes them (<c>image.lqip</c>).</summary>
public sealed record Placeholders(string? Blurhash, string? Thumbhash);
