using Konifer.Inference;
using Konifer.Tests.TestSupport;
using NetVips;

namespace Konifer.Tests.Inference;

public sealed class Siglip2PreprocessingTests : IDisposable
{
    private const int Size = Siglip2Preprocessing.Size;
    private readonly string _directory = Directory.CreateTempSubdirectory("konifer-preprocessing-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_solid_colour_becomes_three_planes_in_R_G_B_order_scaled_to_minus_one_to_one()
    {
        var file = Write("solid.png", TestImages.Solid(300, 200, 255, 0, 51));

        var tensor = Siglip2Preprocessing.ToTensor(Siglip2Preprocessing.LoadRgb(file), Size, Size);

        Assert.Equal(3 * Size * Size, tensor.Length);
        Assert.All(Plane(tensor, 0).ToArray(), v => Assert.Equal(1f, v));
        Assert.All(Plane(tensor, 1).ToArray(), v => Assert.Equal(-1f, v));
        Assert.All(Plane(tensor, 2).ToArray(), v => Assert.Equal(51 / 127.5f - 1, v, 1e-6f));
    }

    [Fact]
    public void Interleaved_bytes_become_planar_floats()
    {
        byte[] rgb = [0, 255, 51, 255, 0, 102];

        var tensor = Siglip2Preprocessing.ToTensor(rgb, 2, 1);

        Assert.Equal([-1f, 1f, 1f, -1f, 51 / 127.5f - 1, 102 / 127.5f - 1], tensor);
        Assert.Throws<ArgumentException>(() => Siglip2Preprocessing.ToTensor(rgb, 2, 2));
    }

    [Fact]
    public void A_wide_image_is_scaled_to_cover_and_cropped_at_the_centre_not_squashed()
    {
        // Red falls from 255 to 0 across 448 columns; the centre crop keeps columns 112…335.
        var file = Write("wide.png", TestImages.Gradient(448, 224));

        var rgb = Siglip2Preprocessing.LoadRgb(file);

        Assert.Equal(Size * Size * 3, rgb.Length);
        Assert.InRange(rgb[0], 189, 193);                  // 255 − 112·255/447 ≈ 191 (squashing would keep 255)
        Assert.InRange(rgb[(Size - 1) * 3], 62, 66);       // 255 − 335·255/447 ≈ 64
        Assert.Equal(64, rgb[1]);                          // green is constant
    }

    [Fact]
    public void Alpha_is_dropped_without_flattening()
    {
        using var black = Image.Black(448, 448, bands: 4);
        using var rgba = (black + new double[] { 10, 200, 30, 128 }).Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        var file = Write("alpha.png", rgba.WriteToBuffer(".png"));

        var rgb = Siglip2Preprocessing.LoadRgb(file);

        Assert.Equal(Size * Size * 3, rgb.Length);
        Assert.InRange(rgb[0], 9, 11);
        Assert.InRange(rgb[1], 199, 201);
        Assert.InRange(rgb[2], 29, 31);
    }

    [Fact]
    public void Grey_is_expanded_to_three_equal_bands()
    {
        using var black = Image.Black(100, 300);
        using var grey = (black + 100).Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Bw);
        var file = Write("grey.png", grey.WriteToBuffer(".png"));

        var rgb = Siglip2Preprocessing.LoadRgb(file);

        Assert.Equal(Size * Size * 3, rgb.Length);
        Assert.All(rgb, b => Assert.InRange(b, 99, 101));
    }

    [Fact]
    public void An_animation_is_read_from_its_first_frame()
    {
        var file = Write("animated.gif", TestImages.AnimatedGif(64, 48, 3));

        var rgb = Siglip2Preprocessing.LoadRgb(file);

        // Frame 0 is (0, 255, 128); the others have red 40 and 80.
        Assert.Equal(Size * Size * 3, rgb.Length);
        Assert.InRange(rgb[0], 0, 3);
        Assert.InRange(rgb[1], 252, 255);
    }

    [Fact]
    public void Sixteen_bit_images_become_eight_bit()
    {
        using var black = Image.Black(300, 300, bands: 3);
        using var deep = (black + new double[] { 200 * 257, 100 * 257, 0 }).Cast(Enums.BandFormat.Ushort).Copy(interpretation: Enums.Interpretation.Rgb16);
        var file = Write("deep.png", deep.WriteToBuffer(".png"));

        var rgb = Siglip2Preprocessing.LoadRgb(file);

        Assert.Equal(Size * Size * 3, rgb.Length);
        Assert.InRange(rgb[0], 199, 201);
        Assert.InRange(rgb[1], 99, 101);
        Assert.InRange(rgb[2], 0, 1);
    }

    [Fact]
    public void Exif_orientation_is_applied_before_cropping()
    {
        // Stored: red left half, blue right half, tagged "rotate 90° clockwise to display": upright, red is on top.
        using var red = Image.Black(150, 200, bands: 3) + new double[] { 255, 0, 0 };
        using var blue = Image.Black(150, 200, bands: 3) + new double[] { 0, 0, 255 };
        using var joined = red.Join(blue, Enums.Direction.Horizontal);
        using var stored = joined.Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        using var tagged = stored.Mutate(m => m.Set(GValue.GIntType, "orientation", 6));
        var file = Write("turned.jpg", tagged.WriteToBuffer(".jpg", new VOption { { "Q", 95 } }));

        var rgb = Siglip2Preprocessing.LoadRgb(file);

        var topLeft = rgb.AsSpan(0, 3).ToArray();
        var bottomLeft = rgb.AsSpan((Size - 1) * Size * 3, 3).ToArray();
        Assert.True(topLeft[0] > 200 && topLeft[2] < 50, $"top left is {string.Join(',', topLeft)}, not red");
        Assert.True(bottomLeft[2] > 200 && bottomLeft[0] < 50, $"bottom left is {string.Join(',', bottomLeft)}, not blue");
    }

    private static Span<float> Plane(float[] tensor, int channel) => tensor.AsSpan(channel * Size * Size, Size * Size);

    private string Write(string name, byte[] bytes)
    {
        var file = Path.Combine(_directory, name);
        File.WriteAllBytes(file, bytes);
        return file;
    }
}
