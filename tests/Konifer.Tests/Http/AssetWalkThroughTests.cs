using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Http;

/// <summary>The shared walk-through on the embedded stores (Faults/ runs it on PostgreSQL and S3).</summary>
public sealed class AssetWalkThroughTests
{
    [Theory]
    [InlineData(KoniferTestServer.InMemoryConfig)]
    [InlineData(KoniferTestServer.FileSystemConfig)]
    public async Task An_asset_goes_through_its_whole_life(string config)
    {
        await using var server = await KoniferTestServer.StartAsync(config);

        var objects = await AssetWalkThrough.RunAsync(server.Client, "/walk/photo");

        if (config == KoniferTestServer.FileSystemConfig)
        {
            var files = objects.Select(o => Path.Combine(server.MountPath, o.Bucket, o.Key)).ToArray();
            await Eventually.UntilAsync(() => Task.FromResult(files.Count(File.Exists)), n => n == 0,
                TimeSpan.FromSeconds(15), "Removing the deleted asset's files");
        }
    }

    [Theory]
    [InlineData(KoniferTestServer.InMemoryConfig)]
    [InlineData(KoniferTestServer.FileSystemConfig)]
    public async Task Text_no_store_can_keep_is_a_400_naming_the_field(string config)
    {
        await using var server = await KoniferTestServer.StartAsync(config);
        await UnstorableTextWalk.RunAsync(server.Client, "/hostile/text");
    }
}
