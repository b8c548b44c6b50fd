using Konifer.LqipEncoders;
using NetVips;

namespace Konifer.Client.Tests.AspNetCore;

/// <summary>The placeholder PNG of the tag helper, read back by libvips (with the server fixture, which loads it).</summary>
public sealed class PngDataUrlTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public void Rgba_pixels_come_back_from_a_real_png_decoder_unchanged()
    {
        Assert.NotNull(fixture.Server);
        byte[] rgba =
        [
            255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255,
            10, 20, 30, 40, 250, 240, 230, 0, 1, 2, 3, 128,
        ];
        var url = PngDataUrl.FromRgba(3, 2, rgba);

        Assert.StartsWith("data:image/png;base64,", url, StringComparison.Ordinal);
        using var image = Image.NewFromBuffer(Convert.FromBase64String(url["data:image/png;base64,".Length..]));
        Assert.Equal((3, 2, 4), (image.Width, image.Height, image.Bands));
        Assert.Equal(rgba, image.WriteToMemory<byte>());
    }

    [Fact]
    public void A_thumbhash_becomes_a_png_of_its_decoded_preview()
    {
        Assert.NotNull(fixture.Server);
        var solid = Enumerable.Repeat(new byte[] { 200, 40, 40, 255 }, 16 * 8).SelectMany(p => p).ToArray();
        var hash = ThumbHash.EncodeToBase64(solid, 16, 8);
        var preview = ThumbHash.ToRgba(Convert.FromBase64String(hash));

        using var image = Image.NewFromBuffer(Convert.FromBase64String(PngDataUrl.FromThumbHash(hash)["data:image/png;base64,".Length..]));
        Assert.Equal((preview.Width, preview.Height), (image.Width, image.Height));
        Assert.Equal(preview.Rgba, image.WriteToMemory<byte>());
    }
}
