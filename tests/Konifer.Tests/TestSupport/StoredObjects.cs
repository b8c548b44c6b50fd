namespace Konifer.Tests.TestSupport;

/// <summary>Looks at what a filesystem object store really holds, so refusals can be shown to leave nothing behind.</summary>
public static class StoredObjects
{
    public static int Count(KoniferTestServer server) =>
        // Objects live in bucket directories; the mount path's own files are readiness probes (Storage/Objects/FileSystemHealthCheck).
        Directory.Exists(server.MountPath)
            ? Directory.EnumerateDirectories(server.MountPath).Sum(bucket => Directory.EnumerateFiles(bucket, "*", SearchOption.AllDirectories).Count())
            : 0;

    /// <summary>Runs <paramref name="act"/> and asserts that no object file appeared and <paramref name="path"/> has no entry.</summary>
    public static async Task<T> AssertNothingStoredAsync<T>(KoniferTestServer server, string path, Func<Task<T>> act)
    {
        var before = Count(server);
        var result = await act();
        using var info = await server.Client.GetAsync("/assets" + path + "/-/info");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, info.StatusCode);
        Assert.Equal(before, Count(server));
        return result;
    }
}
