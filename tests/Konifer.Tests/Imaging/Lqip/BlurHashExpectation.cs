using Konifer.Core.Images;

namespace Konifer.Tests.Imaging.Lqip;

public sealed record BlurHashExpectation(int ComponentsX, int ComponentsY, string Hash);
