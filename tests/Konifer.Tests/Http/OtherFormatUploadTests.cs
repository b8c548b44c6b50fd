using System.Net;
using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Http;

/// <summary>Formats libvips could read (PDF, SVG, TIFF, …) are refused at upload; nothing of them is stored.</summary>
public class OtherFormatUploadTests : IAsyncLifetime
{
    private KoniferTestServer _server = null!;

    public async Task InitializeAsync() => _server = await KoniferTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<string> Files => new(OtherFormatFiles.Names);

    [Theory]
    [MemberData(nameof(Files))]
    public async Task An_upload_in_another_format_is_400_and_not_stored(string name)
    {
        using var response = await _server.Client.PostAsync("/assets/other/format", AssetRequests.Multipart(OtherFormatFiles.Bytes(name)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not a supported image", await response.ProblemMessageAsync());
        using var fetch = await _server.Client.GetAsync("/assets/other/format/-/info");
        Assert.Equal(HttpStatusCode.NotFound, fetch.StatusCode);
    }
}
