using System.Text;
using NetVips;

namespace Konifer.Tests.TestSupport;

/// <summary>Small valid files of formats libvips could read but the service does not serve, one per blocked loader.</summary>
public static class OtherFormatFiles
{
    public static readonly string[] Names = ["image.ppm", "image.csv", "image.mat", "image.tif", "image.v", "image.svg", "image.pdf", "image.bmp"];

    public static byte[] Bytes(string name)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("konifer-other-").FullName, name);
        Write(file);
        return File.ReadAllBytes(file);
    }

    public static void Write(string file)
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
