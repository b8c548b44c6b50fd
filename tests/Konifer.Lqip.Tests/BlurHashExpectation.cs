namespace Konifer.LqipEncoders.Tests;

public sealed record BlurHashExpectation(int ComponentsX, int ComponentsY, string Hash);
