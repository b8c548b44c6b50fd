using Konifer.Core.Storage;
using Konifer.Storage.Objects.S3;
using Konifer.Tests.Storage.Contracts;

namespace Konifer.Tests.Storage.S3;

[Collection(S3Collection.Name)]
public sealed class S3ObjectStoreTests(S3Server server) : ObjectStoreContract, IDisposable
{
    private readonly List<S3ObjectStore> _stores = [];

    protected override string Bucket => S3Server.Bucket;
    protected override string OtherBucket => S3Server.OtherBucket;

    protected override IObjectStore CreateStore()
    {
        var store = new S3ObjectStore(server.CreateClient());
        _stores.Add(store);
        return store;
    }

    public void Dispose()
    {
        foreach (var store in _stores) store.Dispose();
    }
}
