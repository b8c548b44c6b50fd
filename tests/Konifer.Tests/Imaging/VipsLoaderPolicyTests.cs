using System.Text;
using Konifer.Imaging;
using NetVips;

namespace Konifer.Tests.Imaging;

/// <summary>After start-up only the seven advertised formats reach a libvips loader; every other parser is blocked.</summary>
public class VipsLoaderPolicyTests
{
    public VipsLoaderPolicyTests() => VipsRuntime.EnsureAvailable();

    public static TheoryData<string> BlockedFiles => ["image.ppm", "image.csv", "image.mat", "image.tif", "image.v", "image.svg", "image.pdf", "image.bmp"];

    [Theory]
    [MemberData(nameof(BlockedFiles))]
    public void A_file_for_another_loader_is_refused(string name)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("konifer-blocked-").FullName, name);
        Write(file);
        var error = Assert.Throws<VipsException>(() =>
        {
            using var image = Image.NewFromFile(file);
            _ = image.Avg();
        });
        Assert.Contains("is blocked", error.Message);
    }

    [Fact]
    public void A_tiff_in_memory_is_refused_too()
    {
        using var black = Image.Black(2, 2);
        var tiff = black.TiffsaveBuffer();
        var error = Assert.Throws<VipsException>(() => Image.NewFromBuffer(tiff));
        Assert.Contains("is blocked", error.Message);
    }

    [Theory]
    [InlineData(".jpg", "jpegload")]
    [InlineData(".png", "pngload")]
    [InlineData(".webp", "webpload")]
    [InlineData(".avif", "heifload")]
    [InlineData(".heic", "heifload")]
    [InlineData(".jxl", "jxlload")]
    [InlineData(".gif", "gifload")]
    public void Every_advertised_format_still_loads_from_a_file_a_buffer_and_as_a_thumbnail(string suffix, string loader)
    {
        var bytes = Konifer.Tests.TestSupport.TestImages.Gradient(40, 20, suffix);
        var file = Path.Combine(Directory.CreateTempSubdirectory("konifer-allowed-").FullName, "image" + suffix);
        File.WriteAllBytes(file, bytes);

        using (var image = Image.NewFromFile(file))
        {
            Assert.Equal(loader, (string)image.Get("vips-loader"));
            _ = image.Avg();
        }
        using (var image = Image.NewFromBuffer(bytes)) Assert.Equal((40, 20), (image.Width, image.Height));
        using (var thumbnail = Image.Thumbnail(file, 10)) Assert.Equal((10, 5), (thumbnail.Width, thumbnail.Height));
    }

    private static void Write(string file)
    {
        using var black = Image.Black(2, 2);
        switch (Path.GetExtension(file))
        {
            case ".ppm": File.WriteAllText(file, "P3\n2 1\n255\n0 0 0 255 255 255\n"); break;
            case ".csv": File.WriteAllText(file, "1,2\n3,4\n"); break;
            case ".mat": File.WriteAllText(file, "2 2\n1 2\n3 4\n"); break;
            case ".tif": black.Tiffsave(file); break;
            case ".v": black.Vipssave(file); break;
            case ".svg": File.WriteAllText(file, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"2\" height=\"2\"><rect width=\"2\" height=\"2\"/></svg>"); break;
            case ".pdf": File.WriteAllBytes(file, MinimalPdf()); break;
            case ".bmp": black.Magicksave(file, format: "bmp"); break;
        }
    }

    /// <summary>One empty 2×2 pt page with a correct cross-reference table.</summary>
    private static byte[] MinimalPdf()
    {
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 2 2] >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) pdf.Append($"{offset:D10} 00000 n \n");
        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
