using Konifer.Core.Transformations;
using Konifer.Transformations;
using NetVips;
using Flip = Konifer.Core.Transformations.Flip;

namespace Konifer.Tests.Transformations;

/// <summary>
/// Checks the rotate/flip folding twice: against a hand-written pixel-position model (a grid of distinct labels moved
/// by the textbook definition of each operation) and against libvips (rot, flip and autorot on a real image).
/// </summary>
public class OrientationTests
{
    // ---- the model: a grid of labels; each primitive is defined by where a pixel (x, y) lands ----

    private static int[,] Grid(int width, int height)
    {
        var grid = new int[height, width];
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                grid[y, x] = y * width + x;
        return grid;
    }

    /// <summary>Clockwise quarter turn: the left column becomes the top row.</summary>
    private static int[,] TurnClockwise(int[,] source)
    {
        int height = source.GetLength(0), width = source.GetLength(1);
        var turned = new int[width, height];
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                turned[x, height - 1 - y] = source[y, x];
        return turned;
    }

    private static int[,] MirrorLeftRight(int[,] source)
    {
        int height = source.GetLength(0), width = source.GetLength(1);
        var mirrored = new int[height, width];
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                mirrored[y, width - 1 - x] = source[y, x];
        return mirrored;
    }

    private static int[,] MirrorTopBottom(int[,] source)
    {
        int height = source.GetLength(0), width = source.GetLength(1);
        var mirrored = new int[height, width];
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                mirrored[height - 1 - y, x] = source[y, x];
        return mirrored;
    }

    private static int[,] Turn(int[,] grid, int degrees)
    {
        for (var i = 0; i < degrees / 90; i++) grid = TurnClockwise(grid);
        return grid;
    }

    /// <summary>What a request means: rotate first, then flip.</summary>
    private static int[,] ApplyRequest(int[,] grid, int degrees, string? flip)
    {
        var turned = Turn(grid, degrees);
        return flip switch { "h" => MirrorLeftRight(turned), "v" => MirrorTopBottom(turned), _ => turned };
    }

    private static int[,] ApplyCanonical(int[,] grid, Rotation rotate, Flip flip)
    {
        var turned = Turn(grid, (int)rotate * 90);
        return flip == Flip.H ? MirrorLeftRight(turned) : turned;
    }

    private static string Show(int[,] grid) =>
        string.Join("/", Enumerable.Range(0, grid.GetLength(0)).Select(y =>
            string.Join(",", Enumerable.Range(0, grid.GetLength(1)).Select(x => grid[y, x]))));

    public static TheoryData<int, string?> AllRequests()
    {
        var data = new TheoryData<int, string?>();
        foreach (var degrees in new[] { 0, 90, 180, 270 })
            foreach (var flip in new[] { null, "none", "h", "v" })
                data.Add(degrees, flip);
        return data;
    }

    private static (Rotation, Flip) FoldRequest(int degrees, string? flip)
    {
        var query = new Dictionary<string, string> { ["r"] = degrees.ToString() };
        if (flip is not null) query["f"] = flip;
        var request = TransformationRequest.Parse(query);
        return Orientations.Fold(request.Rotate!.Value.ToRotation(), request.Flip ?? Flip.None);
    }

    [Theory]
    [MemberData(nameof(AllRequests))]
    public void Every_rotate_and_flip_request_folds_to_a_pair_that_moves_pixels_the_same_way(int degrees, string? flip)
    {
        var (rotate, canonicalFlip) = FoldRequest(degrees, flip);

        Assert.NotEqual(Flip.V, canonicalFlip);
        var image = Grid(3, 2);
        Assert.Equal(Show(ApplyRequest(image, degrees, flip)), Show(ApplyCanonical(image, rotate, canonicalFlip)));
    }

    [Fact]
    public void The_sixteen_requests_give_the_eight_orientations_and_distinct_outputs_get_distinct_pairs()
    {
        var image = Grid(3, 2);
        var byOutput = new Dictionary<string, HashSet<(Rotation, Flip)>>();
        foreach (var row in AllRequests())
        {
            var (degrees, flip) = ((int)row[0], (string?)row[1]);
            var output = Show(ApplyRequest(image, degrees, flip));
            byOutput.TryAdd(output, []);
            byOutput[output].Add(FoldRequest(degrees, flip));
        }

        Assert.Equal(8, byOutput.Count);
        Assert.All(byOutput.Values, pairs => Assert.Single(pairs));
        Assert.Equal(8, byOutput.Values.Select(p => p.Single()).Distinct().Count());
    }

    /// <summary>
    /// EXIF 2.32 defines each orientation by where the stored 0th row and 0th column sit in the upright picture;
    /// this builds the stored pixels from an upright picture by that definition.
    /// </summary>
    private static int[,] StoreWithOrientation(int[,] upright, int orientation)
    {
        int h = upright.GetLength(0), w = upright.GetLength(1);
        var transposed = orientation >= 5;
        var stored = transposed ? new int[w, h] : new int[h, w];
        for (var row = 0; row < stored.GetLength(0); row++)
            for (var column = 0; column < stored.GetLength(1); column++)
            {
                (int x, int y) = orientation switch
                {
                    1 => (column, row),                 // row 0 = top, column 0 = left
                    2 => (w - 1 - column, row),         // row 0 = top, column 0 = right
                    3 => (w - 1 - column, h - 1 - row), // row 0 = bottom, column 0 = right
                    4 => (column, h - 1 - row),         // row 0 = bottom, column 0 = left
                    5 => (row, column),                 // row 0 = left, column 0 = top
                    6 => (w - 1 - row, column),         // row 0 = right, column 0 = top
                    7 => (w - 1 - row, h - 1 - column), // row 0 = right, column 0 = bottom
                    8 => (row, h - 1 - column),         // row 0 = left, column 0 = bottom
                    _ => throw new ArgumentOutOfRangeException(nameof(orientation)),
                };
                stored[row, column] = upright[y, x];
            }
        return stored;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Each_exif_orientation_maps_to_the_pair_that_shows_the_picture_upright(int orientation)
    {
        var upright = Grid(3, 2);
        var stored = StoreWithOrientation(upright, orientation);

        var (rotate, flip) = Orientations.FromExif(orientation);

        Assert.Equal(Show(upright), Show(ApplyCanonical(stored, rotate, flip)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    public void A_missing_or_broken_exif_orientation_means_upright(int orientation)
    {
        Assert.Equal((Rotation.Zero, Flip.None), Orientations.FromExif(orientation));
    }

    // ---- libvips as a second, independent oracle ----

    private static Image LabelledImage(int width, int height)
    {
        var pixels = new byte[width * height];
        for (var i = 0; i < pixels.Length; i++) pixels[i] = (byte)(i * 7 + 3);
        return Image.NewFromMemory(pixels, width, height, 1, Enums.BandFormat.Uchar);
    }

    private static Image VipsCanonical(Image image, Rotation rotate, Flip flip)
    {
        var turned = image.Rot(rotate switch
        {
            Rotation.Ninety => Enums.Angle.D90,
            Rotation.OneHundredEighty => Enums.Angle.D180,
            Rotation.TwoHundredSeventy => Enums.Angle.D270,
            _ => Enums.Angle.D0,
        });
        return flip == Flip.H ? turned.FlipHor() : turned;
    }

    private static byte[] Pixels(Image image) => image.WriteToMemory<byte>();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void The_exif_pair_does_what_libvips_autorot_does(int orientation)
    {
        using var stored = LabelledImage(4, 3);
        using var tagged = stored.Mutate(m => m.Set(GValue.GIntType, "orientation", orientation));
        using var expected = tagged.Autorot();

        var (rotate, flip) = Orientations.FromExif(orientation);
        using var actual = VipsCanonical(stored, rotate, flip);

        Assert.Equal((expected.Width, expected.Height), (actual.Width, actual.Height));
        Assert.Equal(Pixels(expected), Pixels(actual));
    }

    [Theory]
    [MemberData(nameof(AllRequests))]
    public void The_folded_pair_does_what_libvips_rot_then_flip_does(int degrees, string? flip)
    {
        using var image = LabelledImage(4, 3);
        var angle = degrees switch { 90 => Enums.Angle.D90, 180 => Enums.Angle.D180, 270 => Enums.Angle.D270, _ => Enums.Angle.D0 };
        using var turned = image.Rot(angle);
        using var expected = flip switch { "h" => turned.FlipHor(), "v" => turned.FlipVer(), _ => turned.Copy() };

        var (rotate, canonicalFlip) = FoldRequest(degrees, flip);
        using var actual = VipsCanonical(image, rotate, canonicalFlip);

        Assert.Equal(Pixels(expected), Pixels(actual));
    }
}
