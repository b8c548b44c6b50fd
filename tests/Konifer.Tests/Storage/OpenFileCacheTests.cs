using Konifer.Core.Storage;
using Konifer.Storage.Objects;

namespace Konifer.Tests.Storage;

public sealed class OpenFileCacheTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("konifer-open-files-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private static byte[] ReadAll(StoredObject stored)
    {
        using var copy = new MemoryStream();
        stored.Content.CopyTo(copy);
        return copy.ToArray();
    }

    [Fact]
    public void Readers_within_the_lifetime_share_one_handle_and_each_reads_from_the_start()
    {
        var cache = new OpenFileCache(TimeSpan.FromMinutes(1), capacity: 8);
        var path = Write("a.bin", [1, 2, 3]);

        using var first = cache.Open(path);
        using var second = cache.Open(path);

        Assert.Same(first.File, second.File);
        Assert.Equal([1, 2, 3], ReadAll(first));
        Assert.Equal([1, 2, 3], ReadAll(second));
    }

    [Fact]
    public void A_forgotten_handle_stays_usable_by_its_readers_and_closes_after_the_last()
    {
        var cache = new OpenFileCache(TimeSpan.FromMinutes(1), capacity: 8);
        var path = Write("b.bin", [4, 5]);
        var reader = cache.Open(path);
        var handle = reader.File!;

        File.Move(Write("b.new", [6, 7, 8]), path, overwrite: true); // as the store replaces: rename over the key
        cache.Forget(path);

        Assert.Equal([4, 5], ReadAll(reader));
        Assert.False(handle.IsClosed);
        reader.Dispose();
        Assert.True(handle.IsClosed);
        using var fresh = cache.Open(path);
        Assert.Equal([6, 7, 8], ReadAll(fresh));
    }

    [Fact]
    public void An_expired_handle_is_replaced_so_changes_behind_the_cache_are_seen()
    {
        var cache = new OpenFileCache(TimeSpan.Zero, capacity: 8);
        var path = Write("c.bin", [1]);
        using (var first = cache.Open(path)) Assert.Equal([1], ReadAll(first));

        File.Delete(path);

        Assert.Throws<FileNotFoundException>(() => cache.Open(path));
    }

    [Fact]
    public void Beyond_the_capacity_handles_are_closed()
    {
        var cache = new OpenFileCache(TimeSpan.FromMinutes(1), capacity: 2);
        var handles = Enumerable.Range(0, 5).Select(i =>
        {
            using var stored = cache.Open(Write($"{i}.bin", [(byte)i]));
            return stored.File!;
        }).ToList();

        Assert.InRange(handles.Count(h => !h.IsClosed), 1, 2);
    }

    [Fact]
    public void Disposing_a_reader_twice_releases_its_reference_once()
    {
        var cache = new OpenFileCache(TimeSpan.FromMinutes(1), capacity: 8);
        var path = Write("d.bin", [9]);
        var first = cache.Open(path);
        using var second = cache.Open(path);

        first.Dispose();
        first.Dispose();
        cache.Forget(path);

        Assert.False(second.File!.IsClosed);
        Assert.Equal([9], ReadAll(second));
    }
}
