using System.Net;
using Konifer.Tests.TestSupport;
using NetVips;

namespace Konifer.Tests.Http;

/// <summary>
/// Quarter and half turns, flips and EXIF auto-rotation of ordinary ~2 MP photos in every format the service reads,
/// end to end: each answer is decoded, its size checked and the colour of each corner found where the turn puts it.
/// Photos of this size once failed with libvips "out of order read" (a sequential decode turned by a random-access
/// step); thumbnails of them did not, so the sources here are deliberately not small.
/// </summary>
public sealed class OrientationTests(OrientationTests.TurnedPhotos photos) : IClassFixture<OrientationTests.TurnedPhotos>
{
    private const int Width = 1600;
    private const int Height = 1200;
    private const int AnimationFrames = 3;

    private static readonly double[] Grey = [128, 128, 128];

    /// <summary>Top-left, top-right, bottom-right, bottom-left: clockwise, so a quarter turn shifts the list by one.</summary>
    private static readonly double[][] Corners = [[255, 0, 0], [0, 200, 0], [0, 0, 255], [255, 255, 0]];

    /// <summary>One server for the class, holding one upright photo per source format.</summary>
    public sealed class TurnedPhotos : IAsyncLifetime
    {
        public KoniferTestServer Server { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Server = await KoniferTestServer.StartAsync("""
                data-store.provider = in-memory
                object-store.provider = in-memory
                paths { "/turns/**" { limits.max-pixels-per-page = 2MP } }
                """);
            foreach (var (name, suffix, frames) in Sources)
                await Server.Client.StoreAsync($"/turns/{name}", Encode(Upright(Width, Height, frames), suffix));
        }

        public async Task DisposeAsync() => await Server.DisposeAsync();
    }

    private KoniferTestServer Server => photos.Server;

    private static readonly (string Name, string Suffix, int Frames)[] Sources =
    [
        ("jpeg", ".jpg", 1), ("png", ".png", 1), ("webp", ".webp", 1), ("avif", ".avif", 1), ("heic", ".heic", 1),
        ("jxl", ".jxl", 1), ("gif", ".gif", 1), ("animated-gif", ".gif", AnimationFrames),
        ("animated-webp", ".webp", AnimationFrames),
    ];

    public static TheoryData<string, string> Turns()
    {
        var data = new TheoryData<string, string>();
        foreach (var (name, _, _) in Sources)
        foreach (var turn in new[] { "r=90", "r=180", "r=270", "r=auto" })
        foreach (var size in new[] { "", "&w=1000" })
            data.Add(name, turn + size);
        return data;
    }

    [Theory]
    [MemberData(nameof(Turns))]
    public async Task A_turned_photo_has_its_corners_where_the_turn_puts_them(string source, string query)
    {
        var turn = query.Split('&')[0]["r=".Length..];
        var quarterTurns = turn == "auto" ? 0 : int.Parse(turn, System.Globalization.CultureInfo.InvariantCulture) / 90;
        var frames = Sources.Single(s => s.Name == source).Frames;

        using var response = await Server.Client.GetAsync($"/assets/turns/{source}/-/content?{query}");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{source}?{query}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(bytes)}");

        using var output = Image.NewFromBuffer(bytes, kwargs: frames > 1 ? new VOption { { "n", -1 } } : null);
        var pages = output.Contains("n-pages") ? (int)output.Get("n-pages") : 1;
        Assert.Equal(frames, pages);
        var pageHeight = output.Height / pages;
        var (expectedWidth, expectedHeight) = quarterTurns % 2 == 1 ? (Height, Width) : (Width, Height);
        if (query.Contains("&w=", StringComparison.Ordinal))
            (expectedWidth, expectedHeight) = (1000, (int)Math.Round(1000.0 * expectedHeight / expectedWidth));
        Assert.Equal((expectedWidth, expectedHeight), (output.Width, pageHeight));

        for (var page = 0; page < pages; page++)
            AssertCorners(output, page * pageHeight, pageHeight, quarterTurns, $"{source}?{query} page {page}");
    }

    /// <summary>A wide blur reads far above and below each row: it once failed on such PNGs like the turns did.</summary>
    [Fact]
    public async Task A_wide_blur_of_a_photo_sized_png_is_blurred_not_refused()
    {
        using var response = await Server.Client.GetAsync("/assets/turns/png/-/content?blur=150");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var output = Image.NewFromBuffer(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal((Width, Height), (output.Width, output.Height));
        // The red corner patch bleeds into the grey around it: the pixel just beyond it is no longer plain grey.
        var beyond = output.Getpoint(Width / 8 + 20, Height / 16);
        Assert.True(beyond[0] - beyond[2] > 10, $"({string.Join(", ", beyond)}) shows no red bleeding");
    }

    /// <summary>
    /// A JPEG taken with the camera held each of the eight EXIF ways: its stored pixels are the upright picture turned
    /// back, and <c>r=auto</c> must show it upright again (the tag tells which way, flips included).
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public async Task Auto_rotation_shows_every_exif_orientation_upright(int orientation)
    {
        using var upright = Upright(Width, Height, 1);
        using var stored = StoredFor(upright, orientation);
        using var tagged = stored.Mutate(m => m.Set(GValue.GIntType, "orientation", orientation));
        var jpeg = tagged.WriteToBuffer(".jpg");
        // The test's own turning must agree with libvips' reading of the tag, or it would prove nothing.
        using (var check = Image.NewFromBuffer(jpeg).Autorot())
            AssertCorners(check, 0, check.Height, 0, $"libvips autorot of orientation {orientation}");
        await Server.Client.StoreAsync($"/exif/{orientation}", jpeg);

        foreach (var query in new[] { "r=auto", "r=auto&w=1000" })
        {
            using var response = await Server.Client.GetAsync($"/assets/exif/{orientation}/-/content?{query}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var output = Image.NewFromBuffer(await response.Content.ReadAsByteArrayAsync());
            var expectedWidth = query.Contains("&w=", StringComparison.Ordinal) ? 1000 : Width;
            Assert.Equal((expectedWidth, expectedWidth * Height / Width), (output.Width, output.Height));
            AssertCorners(output, 0, output.Height, 0, $"orientation {orientation}?{query}");
            Assert.Equal(1, output.Contains("orientation") ? (int)output.Get("orientation") : 1);
        }
    }

    /// <summary>The stored pixels of a photo whose EXIF tag says to apply this turn to show it upright.</summary>
    private static Image StoredFor(Image upright, int orientation) => orientation switch
    {
        1 => upright.Copy(),
        2 => upright.FlipHor(),
        3 => upright.Rot180(),
        4 => upright.FlipVer(),
        5 => Transposed(upright, anti: false),
        6 => upright.Rot270(),
        7 => Transposed(upright, anti: true),
        8 => upright.Rot90(),
        _ => throw new ArgumentOutOfRangeException(nameof(orientation)),
    };

    /// <summary>Mirrored across the main diagonal (5) or the other one (7); both are their own inverse.</summary>
    private static Image Transposed(Image image, bool anti)
    {
        using var turned = anti ? image.Rot270() : image.Rot90();
        return turned.FlipHor();
    }

    /// <summary>Checks the colour near each corner of one page: the upright corners shifted by the quarter turns.</summary>
    private static void AssertCorners(Image image, int top, int pageHeight, int quarterTurns, string what)
    {
        var dx = image.Width / 16;
        var dy = pageHeight / 16;
        (int X, int Y)[] points =
        [
            (dx, top + dy), (image.Width - 1 - dx, top + dy),
            (image.Width - 1 - dx, top + pageHeight - 1 - dy), (dx, top + pageHeight - 1 - dy),
        ];
        for (var corner = 0; corner < 4; corner++)
        {
            // A clockwise quarter turn brings the corner that was one step anticlockwise to this place.
            var expected = Corners[(corner - quarterTurns + 4) % 4];
            var actual = image.Getpoint(points[corner].X, points[corner].Y);
            var distance = Math.Sqrt(expected.Select((v, band) => (v - actual[band]) * (v - actual[band])).Sum());
            Assert.True(distance < 60,
                $"{what}: corner {corner} at {points[corner]} is ({string.Join(", ", actual.Take(3))}), expected ({string.Join(", ", expected)})");
        }
    }

    /// <summary>A grey photo-sized picture with a coloured patch in each corner (an eighth of each side), on every page.</summary>
    private static Image Upright(int width, int height, int frames)
    {
        using var background = (Image.Black(width, height, bands: 3) + Grey).Cast(Enums.BandFormat.Uchar);
        var page = background.Copy();
        var (patchWidth, patchHeight) = (width / 8, height / 8);
        (int X, int Y)[] origins = [(0, 0), (width - patchWidth, 0), (width - patchWidth, height - patchHeight), (0, height - patchHeight)];
        for (var corner = 0; corner < 4; corner++)
        {
            using var patch = (Image.Black(patchWidth, patchHeight, bands: 3) + Corners[corner]).Cast(Enums.BandFormat.Uchar);
            using var previous = page;
            page = previous.Insert(patch, origins[corner].X, origins[corner].Y);
        }
        using (page)
        {
            if (frames == 1) return page.Copy(interpretation: Enums.Interpretation.Srgb);
            // Frames differ in a central square: WebP's animation encoder would merge identical frames into one.
            var pages = Enumerable.Range(0, frames).Select(frame =>
            {
                using var centre = (Image.Black(width / 4, height / 4, bands: 3) + (40.0 * frame)).Cast(Enums.BandFormat.Uchar);
                return page.Insert(centre, width * 3 / 8, height * 3 / 8);
            }).ToArray();
            using var strip = Image.Arrayjoin(pages, across: 1);
            foreach (var p in pages) p.Dispose();
            using var srgb = strip.Copy(interpretation: Enums.Interpretation.Srgb);
            return srgb.Mutate(m =>
            {
                m.Set(GValue.GIntType, "page-height", height);
                m.Set(GValue.ArrayIntType, "delay", Enumerable.Repeat(100, frames).ToArray());
                m.Set(GValue.GIntType, "loop", 0);
            });
        }
    }

    private static byte[] Encode(Image image, string suffix)
    {
        using (image) return image.WriteToBuffer(suffix);
    }
}
