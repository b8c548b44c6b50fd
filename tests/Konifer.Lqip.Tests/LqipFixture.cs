namespace Konifer.LqipEncoders.Tests;

/// <summary>One pixel recipe of lqip-fixtures.json with what the official encoders and decoders made of it.</summary>
public sealed record LqipFixture(
    string Kind,
    int Width,
    int Height,
    int[]? Colour,
    BlurHashExpectation[] Blurhash,
    string BlurhashDecoded8x6,
    string Thumbhash,
    ThumbHashPreviewExpectation ThumbhashDecoded)
{
    public string Name => $"{Kind} {Width}x{Height}";
}
