using System.Net.Http.Headers;
using Konifer.Tests.TestSupport;
using NetVips;

namespace Konifer.Tests.Imaging;

/// <summary>
/// What an operator sees in a fresh server process: after a large HEIC upload (its integrity check and its placeholder
/// each decode the whole 16 MP frame) the idle server hands the memory back. Here it stayed 173 MB higher before, 18 MB
/// after; the bound, halfway, leaves room for what any first upload costs once (code, buffers) on a busy machine.
/// </summary>
public sealed class UploadMemoryTests : IDisposable
{
    private const long AllowedGrowth = 90_000_000;

    private readonly string _folder = Directory.CreateTempSubdirectory("konifer-upload-memory-").FullName;

    [Fact]
    public async Task The_idle_server_returns_what_a_large_heic_upload_decoded()
    {
        var heic = Path.Combine(_folder, "photo.heic");
        using (var noise = Image.Gaussnoise(4000, 4000, mean: 128, sigma: 30).Gaussblur(4))
        using (var rgb = noise.Bandjoin(noise, noise).Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb))
            Operation.Call("heifsave", new VOption { { "Q", 50 }, { "compression", Enums.ForeignHeifCompression.Hevc }, { "effort", 0 } }, rgb, heic);
        var config = Path.Combine(_folder, "konifer.conf");
        await File.WriteAllTextAsync(config, """paths { "/**" { image.lqip = [blurhash, thumbhash] } }""");

        var (server, exitCode, output) = await ServerProcess.StartAsync(new Dictionary<string, string> { ["KONIFER_CONFIG"] = config });
        Assert.True(server is not null, $"exit {exitCode}: {output}");
        await using (server)
        {
            var idle = await server.IdleRssAsync();
            using var form = new MultipartFormDataContent();
            var metadata = new StringContent("{}");
            metadata.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            form.Add(metadata, "metadata");
            form.Add(new ByteArrayContent(await File.ReadAllBytesAsync(heic)), "asset", "photo.heic");
            using var response = await server.Client.PostAsync("/assets/photos/large", form);
            Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
            Assert.Contains("\"blurhash\"", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

            var growth = await server.IdleRssAsync() - idle;
            Assert.True(growth < AllowedGrowth, $"The idle server kept {growth / 1_000_000} MB more after the upload.");
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
