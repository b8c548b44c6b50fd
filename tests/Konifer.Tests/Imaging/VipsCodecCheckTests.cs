using Konifer.Imaging;

namespace Konifer.Tests.Imaging;

/// <summary>The start-up check proves each codec with a round trip and names what is missing.</summary>
public class VipsCodecCheckTests
{
    [Fact]
    public void Every_advertised_format_reads_and_writes()
    {
        var report = VipsCodecCheck.Run(VipsCodec.Advertised);
        Assert.Empty(report.Missing);
        Assert.Equal(["JPEG", "PNG", "WebP", "AVIF", "HEIC", "JPEG XL", "GIF"], report.Working);
    }

    [Fact]
    public void A_made_up_saver_is_reported_by_name()
    {
        var report = VipsCodecCheck.Run([new("PNG", "pngload", "pngsave"), new("Madeup", "pngload", "madeupsave")]);
        Assert.Equal(["PNG"], report.Working);
        Assert.Equal(["Madeup (no madeupsave)"], report.Missing);
    }

    [Fact]
    public void A_codec_that_cannot_read_back_what_it_wrote_is_missing()
    {
        var report = VipsCodecCheck.Run([new("Mismatched", "jpegload", "pngsave")]);
        var problem = Assert.Single(report.Missing);
        Assert.StartsWith("Mismatched (round trip failed: ", problem);
    }

    [Fact]
    public void The_start_up_message_is_one_line_naming_the_codecs_and_the_module_folder()
    {
        var message = VipsRuntime.MissingCodecsMessage(VipsCodecCheck.Run([new("Madeup", "madeupload", "madeupsave")]));
        Assert.DoesNotContain('\n', message);
        Assert.Contains("Madeup (no madeupload, madeupsave)", message);
        Assert.Contains($"vips-modules-{NetVips.NetVips.Version(0)}.{NetVips.NetVips.Version(1)}", message);
    }
}
