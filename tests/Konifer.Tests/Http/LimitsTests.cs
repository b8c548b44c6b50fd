using System.Net;
using Konifer.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Konifer.Tests.Http;

/// <summary>Path limits, transformation limits and preprocessing on the embedded stores (Faults/ runs them on PostgreSQL and S3).</summary>
public sealed class LimitsTests
{
    public static TheoryData<string> Stores => new() { KoniferTestServer.InMemoryConfig, KoniferTestServer.FileSystemConfig };

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Supplied_content_over_the_path_limits_is_400_with_the_references_message_and_nothing_is_stored(string stores)
    {
        await using var server = await KoniferTestServer.StartAsync(stores + "\n" + LimitsWalk.Config);
        var before = StoredObjects.Count(server);
        await LimitsWalk.SuppliedContentAsync(server.Client);
        // Only the four uploads that fit left objects behind.
        if (stores == KoniferTestServer.FileSystemConfig) Assert.Equal(before + 4, StoredObjects.Count(server));
    }

    [Fact]
    public async Task A_url_source_over_the_path_limits_is_refused_the_same_way()
    {
        await using var server = await KoniferTestServer.StartAsync(KoniferTestServer.FileSystemConfig + "\n" + LimitsWalk.Config);
        await LimitsWalk.UrlSourceAsync(server.Client);
        Assert.Equal(0, StoredObjects.Count(server));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Variants_over_transform_limits_are_400_invalid_transformation_and_eager_ones_are_skipped(string stores)
    {
        await using var server = await KoniferTestServer.StartAsync(stores + "\n" + LimitsWalk.Config);
        await LimitsWalk.TransformationAsync(server.Client);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Preprocessing_reads_its_parameters_and_clamps_and_keeps_to_transform_limits(string stores)
    {
        await using var server = await KoniferTestServer.StartAsync(stores + "\n" + LimitsWalk.Config);
        await LimitsWalk.PreprocessingAsync(server.Client);
    }

    [Fact]
    public async Task The_client_reads_invalid_transformation_and_the_log_says_which_limit()
    {
        var logs = new CapturingLogProvider();
        await using var server = await KoniferTestServer.StartAsync(KoniferTestServer.InMemoryConfig + "\n" + LimitsWalk.Config,
            services: s => s.AddSingleton<ILoggerProvider>(logs));
        await server.Client.StoreAsync("/out/photo", TestImages.Gradient(1000, 500));

        using var response = await server.Client.GetAsync("/assets/out/photo/-/content?r=90&format=webp");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Invalid transformation", await response.ProblemMessageAsync());
        Assert.Contains(logs.Entries, e => e.Message.Contains("height 1000 must not exceed 600 limit", StringComparison.Ordinal));
    }
}
