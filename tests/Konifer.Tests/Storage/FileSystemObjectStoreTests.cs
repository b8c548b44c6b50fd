using Konifer.Core.Storage;
using Konifer.Storage.Objects;
using Konifer.Tests.Storage.Contracts;

namespace Konifer.Tests.Storage;

public sealed class FileSystemObjectStoreTests : ObjectStoreContract, IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "konifer-fs-" + Guid.NewGuid().ToString("N"));

    /// <summary>The mount is a folder inside the temporary directory, so that escapes land somewhere we can see.</summary>
    private string Mount => Path.Combine(_directory, "mount");

    protected override IObjectStore CreateStore() => new FileSystemObjectStore(Mount);

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task An_object_is_a_file_in_its_bucket_directory_created_on_demand()
    {
        Assert.False(Directory.Exists(Mount));
        var location = new ObjectLocation(Bucket, "photo.jpeg");

        await PutAsync(location, [7, 8, 9]);

        Assert.Equal([7, 8, 9], await File.ReadAllBytesAsync(Path.Combine(Mount, Bucket, "photo.jpeg")));
    }

    [Fact]
    public async Task An_object_is_opened_as_its_file_and_its_stream_reads_the_same_bytes()
    {
        var location = NewLocation();
        await PutAsync(location, [5, 6, 7, 8]);

        await using var stored = await Store.GetAsync(location, None);

        Assert.NotNull(stored!.File);
        Assert.Equal(4, stored.Length);
        var head = new byte[2];
        Assert.Equal(2, RandomAccess.Read(stored.File!, head, 2));
        Assert.Equal([7, 8], head);
        using var copy = new MemoryStream();
        await stored.Content.CopyToAsync(copy);
        Assert.Equal([5, 6, 7, 8], copy.ToArray());
    }

    [Fact]
    public async Task A_replaced_or_deleted_object_is_not_served_from_a_handle_opened_before()
    {
        var location = NewLocation();
        await PutAsync(location, [1, 1]);
        (await Store.GetAsync(location, None))!.Dispose();

        await PutAsync(location, [2, 2, 2]);
        Assert.Equal([2, 2, 2], await ReadAllAsync(Store, location));

        await Store.DeleteAsync(location, None);
        Assert.Null(await Store.GetAsync(location, None));
    }

    [Fact]
    public async Task A_file_placed_under_the_mount_is_served()
    {
        Directory.CreateDirectory(Path.Combine(Mount, Bucket));
        await File.WriteAllBytesAsync(Path.Combine(Mount, Bucket, "restored.png"), [4, 2]);

        Assert.Equal([4, 2], await ReadAllAsync(Store, new ObjectLocation(Bucket, "restored.png")));
    }

    [Fact]
    public async Task Objects_survive_a_new_store_on_the_same_mount()
    {
        var location = NewLocation();
        await PutAsync(location, [1, 2]);

        Assert.Equal([1, 2], await ReadAllAsync(new FileSystemObjectStore(Mount), location));
    }

    [Theory]
    [InlineData("konifer-contract", "../../outside.txt")]
    [InlineData("konifer-contract", "../sibling.txt")]
    [InlineData("..", "outside.txt")]
    [InlineData("konifer-contract", "/tmp/outside.txt")]
    public async Task Locations_escaping_the_mount_are_refused_and_write_nothing(string bucket, string key)
    {
        var location = new ObjectLocation(bucket, key);

        await Assert.ThrowsAsync<InvalidObjectKeyException>(() => PutAsync(location, [1]));
        await Assert.ThrowsAsync<InvalidObjectKeyException>(() => Store.DeleteAsync(location, None));

        Assert.Empty(Directory.Exists(_directory)
            ? Directory.EnumerateFiles(_directory, "*", SearchOption.AllDirectories)
            : []);
    }

    [Fact]
    public async Task A_failed_put_leaves_no_temporary_file()
    {
        var location = NewLocation();
        var content = RandomBytes(2 * 1024 * 1024, seed: 11);
        await PutAsync(NewLocation(), [1]); // the bucket directory exists beforehand

        await Assert.ThrowsAsync<IOException>(() =>
            Store.PutAsync(location, UploadStream.FailingAfter(content, 700_000), content.Length, "image/jpeg", None));

        Assert.Single(Directory.GetFiles(Path.Combine(Mount, Bucket)));
    }

    [Fact]
    public async Task A_cancelled_put_leaves_no_temporary_file()
    {
        var content = RandomBytes(2 * 1024 * 1024, seed: 12);
        using var cancellation = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Store.PutAsync(NewLocation(), new UploadStream(content, 700_000, cancellation.Cancel), null, "image/jpeg", cancellation.Token));

        var bucket = Path.Combine(Mount, Bucket);
        Assert.Empty(Directory.Exists(bucket) ? Directory.GetFiles(bucket) : []);
    }

    [Fact]
    public async Task An_object_opened_for_reading_can_still_be_replaced_and_deleted()
    {
        var location = NewLocation();
        await PutAsync(location, [1, 1]);

        await using var reader = await Store.GetAsync(location, None);
        Assert.NotNull(reader);
        await PutAsync(location, [2, 2, 2]);
        Assert.Equal([2, 2, 2], await ReadAllAsync(Store, location));
        await Store.DeleteAsync(location, None);
        Assert.False(await Store.ExistsAsync(location, None));

        using var copy = new MemoryStream();
        await reader.Content.CopyToAsync(copy);
        Assert.Equal([1, 1], copy.ToArray());
    }
}
