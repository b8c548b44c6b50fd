using Konifer.Core.Images;
using Konifer.Imaging;
using Konifer.Variants.Scheduling;
using NetVips;

namespace Konifer.Tests.Imaging;

/// <summary>
/// The format table (Core) and the libvips table (Imaging) are the only places that know a format: each must have a
/// row for every <see cref="ImageFormat"/>, and the facts in them must describe what libvips really writes.
/// </summary>
public sealed class FormatTableTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("konifer-formats-").FullName;

    public static TheoryData<ImageFormat> Formats() => [.. Enum.GetValues<ImageFormat>()];

    [Fact]
    public void Every_format_has_one_row_in_each_table_in_enum_order()
    {
        var formats = Enum.GetValues<ImageFormat>();
        Assert.Equal(formats, ImageFormatTable.Rows.Select(row => row.Format));
        Assert.Equal(formats.Order(), VipsFormatTable.Rows.Select(row => row.Format).Order());
        Assert.Equal(formats.Order(), MemoryEstimate.MeasuredEncoders.Order());
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Names_and_media_types_parse_back_to_their_row(ImageFormat format)
    {
        var info = format.Info();
        Assert.Same(info, ImageFormatTable.Rows.Single(row => row.Format == format));
        Assert.All(info.Names, name => Assert.True(ImageFormats.TryParseShortName(name.ToUpperInvariant(), out var parsed) && parsed == format, name));
        Assert.All(info.MediaTypes, type => Assert.True(ImageFormats.TryParseMediaType($" {type} ", out var parsed) && parsed == format, type));
        Assert.StartsWith(".", info.Extension);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_real_sample_sniffs_and_loads_back_as_its_row(ImageFormat format)
    {
        var file = Encode(format);
        var bytes = File.ReadAllBytes(file);
        var header = bytes[..Math.Min(bytes.Length, ImageSniffer.HeaderLength)];

        Assert.Equal(format, ImageSniffer.Detect(header));
        // Only this row's magic bytes match (ISO-BMFF formats have none and are told by their brand), so the order in
        // which the sniffer tries the rows cannot matter.
        var matching = ImageFormatTable.Rows.Where(row => row.Signatures.Any(signature => signature.Matches(header))).Select(row => row.Format);
        Assert.Equal(format.Info().Signatures.Count > 0 ? [format] : [], matching);

        using var image = Image.NewFromFile(file);
        var compression = image.Contains("heif-compression") ? (string)image.Get("heif-compression") : null;
        Assert.Equal(format, VipsFormatTable.OfLoader((string)image.Get("vips-loader"), () => compression));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void The_exif_remover_copes_with_every_format_the_table_sends_it(ImageFormat format)
    {
        if (VipsFormatTable.For(format).ExifRemoval != VipsExifRemoval.CopyWithoutBlock) return;
        var copy = Path.Combine(_folder, $"copy-{format}");

        ExifBlockRemover.Copy(Encode(format), copy, format);

        Assert.Equal(format, ImageSniffer.Detect(File.ReadAllBytes(copy)));
    }

    [Fact]
    public void The_loader_policy_and_the_codec_check_come_from_the_libvips_table()
    {
        Assert.Equal(["VipsForeignLoadJpeg", "VipsForeignLoadPng", "VipsForeignLoadWebp", "VipsForeignLoadHeif", "VipsForeignLoadJxl", "VipsForeignLoadNsgif"],
            VipsLoaderPolicy.AllowedLoaderClasses);
        Assert.Equal(["JPEG", "PNG", "WebP", "AVIF", "HEIC", "JPEG XL", "GIF"], VipsCodec.Advertised.Select(codec => codec.Name));
    }

    /// <summary>A 16×16 gradient (HEVC and AV1 work on blocks of that size) written by the adapter's own saver.</summary>
    private string Encode(ImageFormat format)
    {
        using var xy = Image.Xyz(16, 16);
        using var scaled = xy * 16;
        using var joined = scaled.Bandjoin(scaled[0]);
        using var rgb = joined.Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        var file = Path.Combine(_folder, $"sample-{format}{format.Extension()}");
        VipsEncoders.Save(rgb, format, format.Info().DefaultQuality, file);
        return file;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
