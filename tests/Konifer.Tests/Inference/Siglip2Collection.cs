namespace Konifer.Tests.Inference;

/// <summary>The tests that share one tiny SigLIP2 model (written once).</summary>
[CollectionDefinition(Name)]
public sealed class Siglip2Collection : ICollectionFixture<TinySiglip2>
{
    public const string Name = "Siglip2";
}
