namespace Konifer.Tests.Storage.S3;

/// <summary>The tests that share one S3 server (started once for all of them).</summary>
[CollectionDefinition(Name)]
public sealed class S3Collection : ICollectionFixture<S3Server>
{
    public const string Name = "S3";
}
