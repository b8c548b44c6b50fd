using System.Net;
using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Assets;

/// <summary>Preprocessing is held to the same output limits as variants: an output over them refuses the upload.</summary>
public sealed class PreprocessingLimitTests : IAsyncLifetime
{
    private KoniferTestServer _server = null!;

    public async Task InitializeAsync() => _server = await KoniferTestServer.StartAsync("""
        data-store.provider = in-memory
        object-store { provider = filesystem, filesystem.mount-path = "{mount}" }
        variant-generation.max-output-pixels.full-frame = 1000000
        paths {
          "/webp/**" { transform.preprocessing { enabled = true, image { format = webp } } }
          "/small-webp/**" { transform.preprocessing { enabled = true, image { max-width = 1000, format = webp } } }
        }
        """);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_full_frame_preprocessing_output_over_the_pixel_limit_is_400_naming_the_limit_and_nothing_is_stored()
    {
        var message = await StoredObjects.AssertNothingStoredAsync(_server, "/webp/big", async () =>
        {
            using var response = await _server.Client.PostAsync("/assets/webp/big", AssetRequests.Multipart(TestImages.Gradient(2000, 1000)));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return await response.ProblemMessageAsync();
        });
        Assert.Contains("variant-generation.max-output-pixels.full-frame", message);
    }

    [Fact]
    public async Task The_same_upload_is_stored_where_preprocessing_makes_it_small_enough()
    {
        var stored = await _server.Client.StoreAsync("/small-webp/big", TestImages.Gradient(2000, 1000));

        Assert.Equal("webp", stored.GetProperty("variants")[0].GetProperty("attributes").GetProperty("format").GetString());
        var content = await _server.Client.GetByteArrayAsync("/assets/small-webp/big/-/content");
        Assert.Equal(new ImageInfo("webpload", 1000, 500), TestImages.Read(content));
        Assert.Equal(1, StoredObjects.Count(_server));
    }
}
