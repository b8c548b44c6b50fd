using System.Net;
using Konifer.Imaging;
using Konifer.Tests.TestSupport;
using NetVips;

namespace Konifer.Tests.Hosting;

/// <summary>
/// Issue 10: a VIPSHOME inherited from a parent process (Node's sharp sets VIPSHOME=/target) made libvips look for
/// its modules there, and AVIF, HEIC and JPEG XL answered 500. The real server runs as a child process here,
/// because libvips reads VIPSHOME once, when it starts.
/// </summary>
public class VipsHomeTests
{
    [Fact]
    public async Task A_VIPSHOME_without_modules_is_ignored_and_every_codec_works()
    {
        var home = Directory.CreateTempSubdirectory("konifer-vipshome-").FullName;
        var (server, exitCode, output) = await ServerProcess.StartAsync(new Dictionary<string, string> { ["VIPSHOME"] = home });
        Assert.True(server is not null, $"The server exited with {exitCode}:\n{output}");
        await using (server)
        {
            await server.Client.StoreAsync("/some/path", TestImages.Gradient(32, 24));
            foreach (var (format, loader, compression) in new[] { ("avif", "heifload", "av1"), ("heic", "heifload", "hevc"), ("jxl", "jxlload", null) })
            {
                using var response = await server.Client.GetAsync($"/assets/some/path/-/content?format={format}");
                var body = await response.Content.ReadAsByteArrayAsync();
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{format}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
                using var image = Image.NewFromBuffer(body);
                Assert.Equal(loader + "_buffer", (string)image.Get("vips-loader"));
                if (compression is not null) Assert.Equal(compression, (string)image.Get("heif-compression"));
                Assert.Equal((32, 24), (image.Width, image.Height));
            }
            Assert.Contains($"Ignored VIPSHOME={home}", server.Output);
            Assert.Contains("codecs JPEG, PNG, WebP, AVIF, HEIC, JPEG XL, GIF", server.Output);
        }
    }

    [Fact]
    public async Task A_VIPSHOME_whose_module_folder_is_empty_stops_start_up_with_one_line_naming_the_codecs()
    {
        // A VIPSHOME that does hold a module folder is respected (a libvips installed there); this one is empty.
        var home = Directory.CreateTempSubdirectory("konifer-vipshome-").FullName;
        var folder = VipsModuleFolder.OfSystemLibrary()!.For(home);
        Directory.CreateDirectory(folder);

        var (server, exitCode, output) = await ServerProcess.StartAsync(new Dictionary<string, string> { ["VIPSHOME"] = home });
        if (server is not null) await server.DisposeAsync();
        Assert.True(server is null, "The server started without AVIF, HEIC and JPEG XL.");
        Assert.Equal(78, exitCode);
        var line = output.Split('\n').Single(l => l.Contains("lacks codecs"));
        Assert.DoesNotContain("   at ", output);
        Assert.Contains("AVIF (no heifload, heifsave)", line);
        Assert.Contains("HEIC (no heifload, heifsave)", line);
        Assert.Contains("JPEG XL (no jxlload, jxlsave)", line);
        Assert.DoesNotContain("PNG", line.Split("Likely cause")[0].Replace("libvips", ""));
        Assert.Contains($"VIPSHOME={home}", line);
        Assert.Contains(folder, line);
    }
}
