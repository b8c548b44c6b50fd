namespace Konifer.LqipEncoders.Tests;

/// <summary>The official decoder's preview: its size and the SHA-256 (hex) of its RGBA bytes.</summary>
public sealed record ThumbHashPreviewExpectation(int Width, int Height, string Sha256);
