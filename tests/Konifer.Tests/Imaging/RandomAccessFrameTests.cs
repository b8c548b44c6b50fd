using Konifer.Core.Images;
using Konifer.Core.Transformations;
using Konifer.Imaging;
using NetVips;

namespace Konifer.Tests.Imaging;

/// <summary>
/// The random-access copy a turn needs, on both of its routes: in memory, and through a libvips temporary file for
/// frames over the in-memory limit (forced here with a tiny limit, so the test needs no 100 MB image).
/// </summary>
public sealed class RandomAccessFrameTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("konifer-random-access-").FullName;

    [Theory]
    [InlineData(RandomAccessFrame.InMemoryLimit)]
    [InlineData(1024)]
    public void A_sequentially_read_photo_turns_a_quarter_with_its_corner_where_it_belongs(long inMemoryLimit)
    {
        var file = Path.Combine(_folder, "marked.png");
        File.WriteAllBytes(file, PipelineImages.MarkedCorner(1600, 1200, mark: 100));
        var turn = TransformerHarness.Turn(TransformerHarness.Identity(1600, 1200, ImageFormat.Png) with { Rotate = Rotation.Ninety });
        var output = Path.Combine(_folder, "turned.png");
        var temporaryFilesBefore = VipsTemporaryFiles();

        using (var scope = new ImageScope())
        {
            var image = scope.Track(Image.Thumbnail(file, 1600, 1200, size: Enums.Size.Force, noRotate: true));
            image = RandomAccessFrame.Prepare(image, turn, scope, inMemoryLimit);
            scope.Track(image.Rot90()).WriteToFile(output);
        }

        using var turned = Image.NewFromFile(output);
        Assert.Equal((1200, 1600), (turned.Width, turned.Height));
        // The red mark of the top-left corner is now top-right; the top-left is blue.
        Assert.Equal(PipelineImages.Red, turned.Getpoint(1200 - 50, 50));
        Assert.Equal(PipelineImages.Blue, turned.Getpoint(50, 50));
        // libvips deletes its temporary file when the copy is closed. (Only new ones count: a leftover-file sweep in
        // another test's server may remove old ones meanwhile.)
        Assert.Empty(VipsTemporaryFiles().Except(temporaryFilesBefore));
    }

    [Fact]
    public void A_resize_alone_is_not_copied()
    {
        using var scope = new ImageScope();
        var file = Path.Combine(_folder, "plain.png");
        File.WriteAllBytes(file, PipelineImages.MarkedCorner(64, 48));
        var image = scope.Track(Image.Thumbnail(file, 32, 24));
        Assert.Same(image, RandomAccessFrame.Prepare(image, TransformerHarness.Identity(32, 24, ImageFormat.Png), scope));
    }

    private static string[] VipsTemporaryFiles() =>
        [.. Directory.GetFiles(Path.GetTempPath(), "vips-*.v").Order(StringComparer.Ordinal)];

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
