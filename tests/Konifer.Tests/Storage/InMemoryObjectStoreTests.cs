using Konifer.Core.Storage;
using Konifer.Storage.Objects;
using Konifer.Tests.Storage.Contracts;

namespace Konifer.Tests.Storage;

public sealed class InMemoryObjectStoreTests : ObjectStoreContract
{
    protected override IObjectStore CreateStore() => new InMemoryObjectStore();

    [Fact]
    public async Task Stored_bytes_cannot_be_changed_through_the_source_or_a_reader()
    {
        var location = new ObjectLocation(Bucket, "image.png");
        var source = new byte[] { 1, 2, 3 };
        await Store.PutAsync(location, new MemoryStream(source), source.Length, "image/png", None);
        source[0] = 9;

        await using (var stored = await Store.GetAsync(location, None))
        {
            Assert.NotNull(stored);
            Assert.False(stored.Content.CanWrite);
        }

        Assert.Equal([1, 2, 3], await ReadAllAsync(Store, location));
    }

    [Fact]
    public async Task Separate_stores_do_not_share_objects()
    {
        var location = new ObjectLocation(Bucket, "image.png");
        await Store.PutAsync(location, new MemoryStream([1]), 1, "image/png", None);

        Assert.False(await new InMemoryObjectStore().ExistsAsync(location, None));
    }
}
