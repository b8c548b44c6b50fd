using Konifer.Core.Images;
using Konifer.Core.Transformations;
using Konifer.Imaging;
using NetVips;

namespace Konifer.Tests.Imaging;

/// <summary>
/// Runs the real <see cref="VipsImageTransformer"/> on files in a private temp folder and decodes the outputs with
/// libvips for the assertions.
/// </summary>
public sealed class TransformerHarness : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("konifer-vips-").FullName;
    private int _counter;

    public VipsImageTransformer Transformer { get; } = new();

    /// <summary>The identity transformation for a source of the given size and format; tests change what they test.</summary>
    /// <summary>
    /// A transformation's size is its output frame: a quarter turn of a W×H identity is H×W. Tests write the stored
    /// orientation and let this turn the size.
    /// </summary>
    public static Transformation Turn(Transformation transformation) =>
        transformation.Rotate is Rotation.Ninety or Rotation.TwoHundredSeventy
            ? transformation with { Width = transformation.Height, Height = transformation.Width }
            : transformation;

    public static Transformation Identity(int width, int height, ImageFormat format) => new(
        width, height, Fit.Fit, Gravity.Center, format, Rotation.Zero, Flip.None, Filter.None, 0, 90, Padding.None,
        MetadataStrip.None, ColorSpace.Origin);

    public async Task<(ImageAttributes Attributes, Image Output)> RunAsync(byte[] input, Transformation transformation,
        CancellationToken cancellationToken = default)
    {
        var sourceFile = Path.Combine(_folder, $"in-{Interlocked.Increment(ref _counter)}");
        await File.WriteAllBytesAsync(sourceFile, input, cancellationToken);
        var source = await new VipsImageInspector().InspectAsync(sourceFile, cancellationToken);
        var outputFile = Path.Combine(_folder, $"out-{Interlocked.Increment(ref _counter)}");
        var attributes = await Transformer.TransformAsync(sourceFile, source, transformation, outputFile, cancellationToken);
        var bytes = await File.ReadAllBytesAsync(outputFile, cancellationToken);
        var kwargs = transformation.Format is ImageFormat.Gif or ImageFormat.Webp ? new VOption { { "n", -1 } } : null;
        return (attributes, Image.NewFromBuffer(bytes, kwargs: kwargs));
    }

    public string WriteInput(byte[] input)
    {
        var file = Path.Combine(_folder, $"in-{Interlocked.Increment(ref _counter)}");
        File.WriteAllBytes(file, input);
        return file;
    }

    public string OutputPath() => Path.Combine(_folder, $"out-{Interlocked.Increment(ref _counter)}");

    public static string Loader(Image image) => ((string)image.Get("vips-loader")).Replace("_buffer", "");

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
