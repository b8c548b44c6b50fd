using System.Security.Cryptography;

namespace Konifer.LqipEncoders.Tests;

public class BlurHashTests
{
    public static TheoryData<string> Fixtures => LqipFixtures.Names();

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Writes_the_same_hash_as_the_official_encoder(string fixtureName)
    {
        var fixture = LqipFixtures.Named(fixtureName);
        var rgba = LqipFixturePixels.Render(fixture);

        foreach (var expected in fixture.Blurhash)
        {
            var hash = BlurHash.Encode(rgba, fixture.Width, fixture.Height, expected.ComponentsX, expected.ComponentsY);
            Assert.True(expected.Hash == hash,
                $"{fixtureName} with {expected.ComponentsX}×{expected.ComponentsY}: expected {expected.Hash}, got {hash}");
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Decodes_to_the_same_pixels_as_the_official_decoder(string fixtureName)
    {
        var fixture = LqipFixtures.Named(fixtureName);
        var hash = fixture.Blurhash.Single(b => (b.ComponentsX, b.ComponentsY) == (4, 3)).Hash;

        var pixels = BlurHash.Decode(hash, 8, 6);

        Assert.Equal(fixture.BlurhashDecoded8x6, Convert.ToHexStringLower(SHA256.HashData(pixels)));
    }

    [Fact]
    public void Has_the_length_and_size_flag_of_its_component_counts()
    {
        var rgba = Solid(6, 5, 10, 20, 30);

        var hash = BlurHash.Encode(rgba, 6, 5, componentsX: 5, componentsY: 2);

        Assert.Equal(4 + 2 * 5 * 2, hash.Length);
        Assert.Equal('D', hash[0]); // base-83 digit 13 = (5 − 1) + (2 − 1) · 9
    }

    [Fact]
    public void The_hash_of_a_solid_red_image_decodes_to_red_pixels()
    {
        var hash = BlurHash.Encode(Solid(16, 12, 255, 0, 0), 16, 12);

        var pixels = BlurHash.Decode(hash, 8, 6);

        // BlurHash samples cosines at pixel corners, not centres, so even a flat image gets AC terms and some shading
        Assert.Equal(8 * 6 * 4, pixels.Length);
        for (var p = 0; p < pixels.Length; p += 4)
        {
            Assert.InRange(pixels[p], 200, 255);
            Assert.InRange(pixels[p + 1], 0, 10);
            Assert.InRange(pixels[p + 2], 0, 10);
            Assert.Equal(255, pixels[p + 3]);
        }
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(10, 3)]
    [InlineData(4, 0)]
    [InlineData(4, 10)]
    public void Refuses_component_counts_outside_1_to_9(int componentsX, int componentsY)
    {
        var rgba = Solid(4, 4, 1, 2, 3);

        Assert.Throws<ArgumentOutOfRangeException>(() => BlurHash.Encode(rgba, 4, 4, componentsX, componentsY));
    }

    [Theory]
    [InlineData(4, 4, 4 * 4 * 4 - 1)]
    [InlineData(4, 4, 4 * 4 * 3)]
    [InlineData(4, 3, 4 * 4 * 4)]
    public void Refuses_a_buffer_that_is_not_width_times_height_rgba_pixels(int width, int height, int length)
    {
        var rgba = new byte[length];

        var error = Assert.Throws<ArgumentException>(() => BlurHash.Encode(rgba, width, height));
        Assert.Equal("rgba", error.ParamName);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    [InlineData(-1, -1)]
    public void Refuses_an_empty_or_negative_size(int width, int height)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BlurHash.Encode([], width, height));
    }

    [Theory]
    [InlineData("")]
    [InlineData("00TI:")]
    [InlineData("L~TI:j|c|c")]
    [InlineData("00TI:\"")]
    public void Decode_refuses_malformed_hashes(string hash)
    {
        var error = Assert.Throws<ArgumentException>(() => BlurHash.Decode(hash, 4, 4));
        Assert.Equal("hash", error.ParamName);
    }

    private static byte[] Solid(int width, int height, byte r, byte g, byte b)
    {
        var rgba = new byte[width * height * 4];
        for (var p = 0; p < rgba.Length; p += 4) (rgba[p], rgba[p + 1], rgba[p + 2], rgba[p + 3]) = (r, g, b, 255);
        return rgba;
    }
}
