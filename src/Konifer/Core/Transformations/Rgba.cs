namespace Konifer.Core.Transformations;

/// <summary>An 8-bit colour with alpha (255 = opaque).</summary>
public readonly record struct Rgba(byte R, byte G, byte B, byte A);
