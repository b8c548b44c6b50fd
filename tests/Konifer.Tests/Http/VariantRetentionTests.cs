using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Http;

/// <summary>Variant eviction over HTTP on the embedded stores (see <see cref="EvictionWalk"/>; PostgreSQL and S3 in Faults).</summary>
public sealed class VariantRetentionTests
{
    [Fact]
    public async Task The_least_used_variant_is_evicted_and_regenerated_in_memory()
    {
        await using var server = await KoniferTestServer.StartAsync($"""
            data-store.provider = in-memory
            object-store.provider = in-memory
            {EvictionWalk.Paths}
            """);
        await EvictionWalk.RunAsync(server);
    }

    [Fact]
    public async Task The_least_used_variant_is_evicted_and_its_file_deleted_on_the_filesystem()
    {
        await using var server = await KoniferTestServer.StartAsync($$"""
            data-store.provider = in-memory
            object-store { provider = filesystem, filesystem.mount-path = "{mount}" }
            {{EvictionWalk.Paths}}
            """);
        await EvictionWalk.RunAsync(server);
    }
}
