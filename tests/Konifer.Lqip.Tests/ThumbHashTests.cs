using System.Security.Cryptography;

namespace Konifer.LqipEncoders.Tests;

public class ThumbHashTests
{
    public static TheoryData<string> Fixtures => LqipFixtures.Names();

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Writes_the_same_hash_as_the_official_encoder(string fixtureName)
    {
        var fixture = LqipFixtures.Named(fixtureName);
        var rgba = LqipFixturePixels.Render(fixture);

        Assert.Equal(fixture.Thumbhash, ThumbHash.EncodeToBase64(rgba, fixture.Width, fixture.Height));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Decodes_to_the_same_preview_as_the_official_decoder(string fixtureName)
    {
        var fixture = LqipFixtures.Named(fixtureName);

        var preview = ThumbHash.ToRgba(Convert.FromBase64String(fixture.Thumbhash));

        Assert.Equal((fixture.ThumbhashDecoded.Width, fixture.ThumbhashDecoded.Height), (preview.Width, preview.Height));
        Assert.Equal(fixture.ThumbhashDecoded.Sha256, Convert.ToHexStringLower(SHA256.HashData(preview.Rgba)));
    }

    [Fact]
    public void The_string_form_is_standard_padded_base64_of_the_bytes()
    {
        var rgba = Solid(37, 23, 18, 140, 200, 255);

        var bytes = ThumbHash.Encode(rgba, 37, 23);
        var text = ThumbHash.EncodeToBase64(rgba, 37, 23);

        Assert.Equal(bytes, Convert.FromBase64String(text));
        Assert.Equal(0, text.Length % 4);
    }

    [Fact]
    public void The_hash_of_a_solid_colour_decodes_to_that_colour()
    {
        var hash = ThumbHash.Encode(Solid(20, 20, 30, 144, 255, 255), 20, 20);

        var image = ThumbHash.ToRgba(hash);

        Assert.Equal((32, 32), (image.Width, image.Height));
        for (var p = 0; p < image.Rgba.Length; p += 4)
        {
            Assert.InRange(image.Rgba[p], 22, 38);
            Assert.InRange(image.Rgba[p + 1], 136, 152);
            Assert.InRange(image.Rgba[p + 2], 247, 255);
            Assert.Equal(255, image.Rgba[p + 3]);
        }
    }

    [Theory]
    [InlineData(100, 50, 32, 18)] // 7×4 luminance terms: 1.75 is as close to 2 as the hash gets
    [InlineData(50, 100, 18, 32)]
    [InlineData(64, 64, 32, 32)]
    public void Keeps_the_approximate_aspect_ratio(int width, int height, int decodedWidth, int decodedHeight)
    {
        var hash = ThumbHash.Encode(Solid(width, height, 200, 100, 50, 255), width, height);

        var image = ThumbHash.ToRgba(hash);

        Assert.Equal((decodedWidth, decodedHeight), (image.Width, image.Height));
        Assert.Equal((double)width / height, ThumbHash.ApproximateAspectRatio(hash), 0.3);
    }

    [Fact]
    public void Keeps_transparency_where_the_image_is_transparent()
    {
        var disc = LqipFixtures.Named("disc 31x50");
        var hash = ThumbHash.Encode(LqipFixturePixels.Render(disc), disc.Width, disc.Height);

        var image = ThumbHash.ToRgba(hash);

        byte AlphaAt(int x, int y) => image.Rgba[(y * image.Width + x) * 4 + 3];
        Assert.True(AlphaAt(image.Width / 2, image.Height / 2) > 200, $"centre alpha {AlphaAt(image.Width / 2, image.Height / 2)}");
        Assert.True(AlphaAt(0, 0) < 80, $"corner alpha {AlphaAt(0, 0)}");
    }

    [Theory]
    [InlineData(101, 100)]
    [InlineData(100, 101)]
    [InlineData(0, 10)]
    [InlineData(10, 0)]
    public void Refuses_images_that_do_not_fit_in_100_by_100(int width, int height)
    {
        var rgba = new byte[Math.Max(0, width * height * 4)];

        Assert.Throws<ArgumentOutOfRangeException>(() => ThumbHash.Encode(rgba, width, height));
        Assert.False(PlaceholderImage.Fits(width, height));
    }

    [Fact]
    public void Refuses_a_buffer_that_is_not_width_times_height_rgba_pixels()
    {
        var error = Assert.Throws<ArgumentException>(() => ThumbHash.Encode(new byte[10 * 10 * 3], 10, 10));
        Assert.Equal("rgba", error.ParamName);
    }

    [Fact]
    public void Decoding_refuses_a_truncated_hash()
    {
        var hash = ThumbHash.Encode(Solid(10, 10, 1, 2, 3, 255), 10, 10);

        Assert.Throws<ArgumentException>(() => ThumbHash.ToRgba(hash[..4]));
        Assert.Throws<ArgumentException>(() => ThumbHash.ToRgba(hash[..^1]));
    }

    private static byte[] Solid(int width, int height, byte r, byte g, byte b, byte a)
    {
        var rgba = new byte[width * height * 4];
        for (var p = 0; p < rgba.Length; p += 4) (rgba[p], rgba[p + 1], rgba[p + 2], rgba[p + 3]) = (r, g, b, a);
        return rgba;
    }
}
