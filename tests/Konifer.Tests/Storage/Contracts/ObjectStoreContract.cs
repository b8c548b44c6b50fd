using Konifer.Core.Storage;

namespace Konifer.Tests.Storage.Contracts;

/// <summary>
/// What every <see cref="IObjectStore"/> must do, seen only through the port. Each test uses fresh keys, so a store
/// shared between tests (a real S3 bucket) works; override the bucket names where buckets must exist beforehand.
/// </summary>
public abstract class ObjectStoreContract
{
    private readonly Lazy<IObjectStore> _store;

    protected ObjectStoreContract() => _store = new Lazy<IObjectStore>(CreateStore, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Creates the store under test; called once per test, lazily.</summary>
    protected abstract IObjectStore CreateStore();

    protected virtual string Bucket => "konifer-contract";

    /// <summary>A second bucket, to show that buckets are separate namespaces.</summary>
    protected virtual string OtherBucket => "konifer-contract-2";

    protected IObjectStore Store => _store.Value;

    protected static CancellationToken None => CancellationToken.None;

    protected ObjectLocation NewLocation() => new(Bucket, Guid.NewGuid().ToString("N") + ".bin");

    protected static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    protected static async Task<byte[]?> ReadAllAsync(IObjectStore store, ObjectLocation location)
    {
        var stored = await store.GetAsync(location, None);
        if (stored is null) return null;
        await using (stored)
        {
            using var copy = new MemoryStream();
            await stored.Content.CopyToAsync(copy);
            Assert.Equal(copy.Length, stored.Length);
            return copy.ToArray();
        }
    }

    protected Task PutAsync(ObjectLocation location, byte[] content) =>
        Store.PutAsync(location, new UploadStream(content), content.Length, "application/octet-stream", None);

    [Fact]
    public async Task A_5MB_object_comes_back_byte_for_byte_with_its_length()
    {
        var content = RandomBytes(5 * 1024 * 1024 + 17, seed: 1);
        var location = NewLocation();

        await PutAsync(location, content);

        var stored = await Store.GetAsync(location, None);
        Assert.NotNull(stored);
        await using (stored)
        {
            Assert.Equal(content.LongLength, stored.Length);
            using var copy = new MemoryStream();
            await stored.Content.CopyToAsync(copy);
            Assert.True(content.AsSpan().SequenceEqual(copy.ToArray()), "The stored bytes differ from the uploaded ones.");
        }
    }

    [Fact]
    public async Task A_put_without_a_known_length_stores_the_whole_stream()
    {
        var content = RandomBytes(300_000, seed: 2);
        var location = NewLocation();

        await Store.PutAsync(location, new UploadStream(content), null, "image/png", None);

        Assert.Equal(content, await ReadAllAsync(Store, location));
    }

    [Fact]
    public async Task An_empty_object_is_stored_and_read_back()
    {
        var location = NewLocation();

        await PutAsync(location, []);

        Assert.True(await Store.ExistsAsync(location, None));
        Assert.Equal(Array.Empty<byte>(), await ReadAllAsync(Store, location));
    }

    [Fact]
    public async Task Getting_a_missing_object_gives_null()
    {
        Assert.Null(await Store.GetAsync(NewLocation(), None));
    }

    [Fact]
    public async Task Exists_follows_put_and_delete()
    {
        var location = NewLocation();
        Assert.False(await Store.ExistsAsync(location, None));

        await PutAsync(location, [1, 2, 3]);
        Assert.True(await Store.ExistsAsync(location, None));

        await Store.DeleteAsync(location, None);
        Assert.False(await Store.ExistsAsync(location, None));
    }

    [Fact]
    public async Task Delete_removes_the_object_and_is_idempotent()
    {
        var location = NewLocation();
        await PutAsync(location, [1, 2, 3]);

        await Store.DeleteAsync(location, None);
        Assert.Null(await Store.GetAsync(location, None));

        await Store.DeleteAsync(location, None);
        await Store.DeleteAsync(NewLocation(), None);
        await Store.DeleteAsync(new ObjectLocation(OtherBucket, Guid.NewGuid().ToString("N")), None);
        Assert.Null(await Store.GetAsync(location, None));
    }

    [Fact]
    public async Task Deleting_one_object_leaves_the_others()
    {
        var kept = NewLocation();
        var deleted = NewLocation();
        await PutAsync(kept, [1]);
        await PutAsync(deleted, [2]);

        await Store.DeleteAsync(deleted, None);

        Assert.Equal([1], await ReadAllAsync(Store, kept));
    }

    [Fact]
    public async Task A_second_put_replaces_the_object()
    {
        var location = NewLocation();
        await PutAsync(location, RandomBytes(100_000, seed: 3));
        var replacement = RandomBytes(1234, seed: 4);

        await PutAsync(location, replacement);

        Assert.Equal(replacement, await ReadAllAsync(Store, location));
    }

    [Fact]
    public async Task Buckets_are_separate_namespaces()
    {
        var key = Guid.NewGuid().ToString("N") + ".jpeg";
        var first = new ObjectLocation(Bucket, key);
        var second = new ObjectLocation(OtherBucket, key);

        await PutAsync(first, [1, 1, 1]);
        Assert.False(await Store.ExistsAsync(second, None));
        Assert.Null(await Store.GetAsync(second, None));

        await PutAsync(second, [2, 2]);
        Assert.Equal([1, 1, 1], await ReadAllAsync(Store, first));
        Assert.Equal([2, 2], await ReadAllAsync(Store, second));

        await Store.DeleteAsync(first, None);
        Assert.False(await Store.ExistsAsync(first, None));
        Assert.Equal([2, 2], await ReadAllAsync(Store, second));
    }

    [Fact]
    public async Task Concurrent_puts_of_different_keys_all_land_intact()
    {
        var uploads = Enumerable.Range(0, 24)
            .Select(i => (Location: NewLocation(), Content: RandomBytes(50_000 + i * 1000, seed: 100 + i)))
            .ToArray();

        await Task.WhenAll(uploads.Select(u => Task.Run(() => PutAsync(u.Location, u.Content))));

        foreach (var (location, content) in uploads)
            Assert.Equal(content, await ReadAllAsync(Store, location));
    }

    [Fact]
    public async Task Readers_see_the_old_or_the_new_object_whole_while_it_is_replaced()
    {
        var location = NewLocation();
        var versions = new[] { RandomBytes(200_000, seed: 5), RandomBytes(300_000, seed: 6) };
        await PutAsync(location, versions[0]);

        var writer = Task.Run(async () =>
        {
            for (var i = 1; i <= 10; i++) await PutAsync(location, versions[i % 2]);
        });
        var reads = 0;
        while (!writer.IsCompleted || reads < 5)
        {
            var seen = await ReadAllAsync(Store, location);
            Assert.NotNull(seen);
            Assert.True(seen.AsSpan().SequenceEqual(versions[0]) || seen.AsSpan().SequenceEqual(versions[1]),
                $"A reader saw {seen.Length} bytes that are neither version.");
            reads++;
        }
        await writer;
    }

    [Fact]
    public async Task A_put_whose_source_fails_midway_leaves_nothing_under_the_key()
    {
        var location = NewLocation();
        var content = RandomBytes(3 * 1024 * 1024, seed: 7);

        await Assert.ThrowsAsync<IOException>(() =>
            Store.PutAsync(location, UploadStream.FailingAfter(content, 1024 * 1024), content.Length, "image/jpeg", None));

        Assert.False(await Store.ExistsAsync(location, None));
        Assert.Null(await Store.GetAsync(location, None));
    }

    [Fact]
    public async Task A_failed_replacement_keeps_the_previous_object()
    {
        var location = NewLocation();
        var previous = RandomBytes(10_000, seed: 8);
        await PutAsync(location, previous);
        var content = RandomBytes(2 * 1024 * 1024, seed: 9);

        await Assert.ThrowsAsync<IOException>(() =>
            Store.PutAsync(location, UploadStream.FailingAfter(content, 512 * 1024), content.Length, "image/jpeg", None));

        Assert.Equal(previous, await ReadAllAsync(Store, location));
    }

    [Fact]
    public async Task A_put_cancelled_midway_leaves_nothing_under_the_key()
    {
        var location = NewLocation();
        var content = RandomBytes(2 * 1024 * 1024, seed: 10);
        using var cancellation = new CancellationTokenSource();
        var source = new UploadStream(content, 512 * 1024, cancellation.Cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Store.PutAsync(location, source, content.Length, "image/jpeg", cancellation.Token));

        Assert.False(await Store.ExistsAsync(location, None));
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("../escape.jpeg")]
    [InlineData("nested/key.jpeg")]
    [InlineData("back\\slash.jpeg")]
    [InlineData("/etc/passwd")]
    [InlineData("nul\0byte")]
    [InlineData("line\nbreak")]
    public async Task Keys_that_could_act_as_paths_are_refused(string key)
    {
        var location = new ObjectLocation(Bucket, key);

        await Assert.ThrowsAsync<InvalidObjectKeyException>(() => PutAsync(location, [1]));
        await Assert.ThrowsAsync<InvalidObjectKeyException>(() => Store.GetAsync(location, None));
        await Assert.ThrowsAsync<InvalidObjectKeyException>(() => Store.ExistsAsync(location, None));
        await Assert.ThrowsAsync<InvalidObjectKeyException>(() => Store.DeleteAsync(location, None));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ab")]
    [InlineData("..")]
    [InlineData("../assets")]
    [InlineData("Upper-Case")]
    [InlineData("under_score")]
    [InlineData("with/slash")]
    [InlineData("-leading-hyphen")]
    [InlineData("a-bucket-name-that-is-far-too-long-for-s3-rules-to-accept-it-really")]
    public async Task Bucket_names_outside_the_S3_rules_are_refused(string bucket)
    {
        var location = new ObjectLocation(bucket, Guid.NewGuid().ToString("N"));

        await Assert.ThrowsAsync<InvalidObjectKeyException>(() => PutAsync(location, [1]));
        await Assert.ThrowsAsync<InvalidObjectKeyException>(() => Store.GetAsync(location, None));
        await Assert.ThrowsAsync<InvalidObjectKeyException>(() => Store.ExistsAsync(location, None));
        await Assert.ThrowsAsync<InvalidObjectKeyException>(() => Store.DeleteAsync(location, None));
    }
}
