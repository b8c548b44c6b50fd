using Konifer.Core.Images;
using Konifer.Core.Transformations;
using NetVips;

namespace Konifer.Imaging;

/// <summary>
/// The libvips implementation of <see cref="IImageTransformer"/>: file in, file out, on a thread-pool thread so the
/// native work never blocks a request thread. Steps, in order: load (every page when both source and output can
/// animate, else the first) → resize → random-access copy when a later step needs one (see
/// <see cref="RandomAccessFrame"/>) → rotate → flip → filter → blur → padding → colour space → metadata strip → save.
/// Padding comes before the colour space so that <c>cs=grayscale</c> greys the border too (as documented by the
/// reference) and an ICC transform converts the border with the rest of the picture.
/// </summary>
public sealed class VipsImageTransformer : IImageTransformer
{
    public Task<ImageAttributes> TransformAsync(string sourceFile, ImageAttributes source, Transformation transformation,
        string outputFile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transformation);
        ArgumentNullException.ThrowIfNull(source);
        if (transformation.Width < 1 || transformation.Height < 1)
            throw new ArgumentOutOfRangeException(nameof(transformation), "Width and height must be at least 1.");
        return Task.Run(() => Transform(sourceFile, source, transformation, outputFile, cancellationToken), cancellationToken);
    }

    public Task<PlaceholderPixels> RenderPlaceholderPixelsAsync(string imageFile, ImageAttributes image, int maxSide,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSide, 1);
        return Task.Run(() =>
        {
            try
            {
                return VipsPlaceholders.Render(imageFile, maxSide);
            }
            finally
            {
                // HEIC, AVIF, JPEG XL and GIF decode the whole frame even for a 100 px thumbnail.
                LargeDecodeTrim.After((long)image.Width * image.Height * image.PageCount);
            }
        }, cancellationToken);
    }

    private static ImageAttributes Transform(string sourceFile, ImageAttributes source, Transformation transformation,
        string outputFile, CancellationToken cancellationToken)
    {
        using var scope = new ImageScope();
        var animate = source.PageCount > 1 && source.Format.Info().CanAnimate && transformation.Format.Info().CanAnimate;
        Image image;
        int pageCount;
        if (animate)
        {
            var strip = scope.Track(AnimatedFrames.LoadAllPages(sourceFile));
            var pageHeight = AnimatedFrames.PageHeight(strip);
            pageCount = strip.Height / pageHeight;
            image = AnimatedFrames.StripMayRunWhole(transformation, strip.Width, pageHeight)
                ? ProcessFrame(strip, transformation, scope, cancellationToken)
                : scope.Track(AnimatedFrames.Assemble(strip, pageHeight,
                    (frame, frameScope) => ProcessFrame(frameScope.Track(VipsResizing.Resize(frame, transformation)), transformation, frameScope,
                        cancellationToken),
                    cancellationToken));
        }
        else
        {
            image = scope.Track(VipsResizing.LoadResized(sourceFile, transformation));
            image = RandomAccessFrame.Prepare(image, transformation, scope);
            image = ProcessFrame(image, transformation, scope, cancellationToken);
            pageCount = 1;
        }

        cancellationToken.ThrowIfCancellationRequested();
        image = scope.Track(VipsMetadata.Strip(image, transformation.Strip));
        image = scope.Track(VipsMetadata.SetPages(image, image.Height / pageCount, pageCount));
        image = scope.Track(VipsEncoders.Flatten(image, transformation.Format));
        Save(image, transformation, outputFile, cancellationToken);
        return VipsOutputInspector.Read(outputFile, transformation.Format, transformation.ColorSpace);
    }

    /// <summary>Everything after resizing, for one page.</summary>
    private static Image ProcessFrame(Image image, Transformation transformation, ImageScope scope, CancellationToken cancellationToken)
    {
        image = scope.Track(VipsWorkingSpace.ToEightBit(image));
        cancellationToken.ThrowIfCancellationRequested();
        image = scope.Track(VipsOrientation.Rotate(image, transformation.Rotate));
        image = scope.Track(VipsOrientation.Flip(image, transformation.Flip));
        if (transformation.Rotate != Rotation.Zero || transformation.Flip != Flip.None)
            image = scope.Track(VipsOrientation.MarkUpright(image));
        cancellationToken.ThrowIfCancellationRequested();
        image = scope.Track(VipsFilters.Apply(image, transformation.Filter, scope));
        cancellationToken.ThrowIfCancellationRequested();
        image = scope.Track(VipsBlur.Apply(image, transformation.Blur, scope));
        cancellationToken.ThrowIfCancellationRequested();
        image = scope.Track(VipsPadding.Apply(image, transformation.Padding, transformation.Format, scope));
        cancellationToken.ThrowIfCancellationRequested();
        return scope.Track(VipsColorSpaces.Apply(image, transformation.ColorSpace, scope));
    }

    /// <summary>
    /// Saving is where libvips does the real work; the progress hook lets cancellation kill it mid-way. A partial
    /// output is deleted so nobody stores it.
    /// </summary>
    private static void Save(Image image, Transformation transformation, string outputFile, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        image.SetProgress(NoProgress.Instance, cancellationToken);
        try
        {
            var format = transformation.Format;
            if (!transformation.Strip.HasFlag(MetadataStrip.Exif))
                VipsEncoders.Save(image, format, transformation.Quality, outputFile);
            else if (VipsFormatTable.For(format).ExifRemoval == VipsExifRemoval.CopyWithoutBlock)
                SaveWithoutExif(image, transformation, outputFile, cancellationToken);
            else
                VipsEncoders.Save(image, format, transformation.Quality, outputFile, stripAll: !VipsMetadata.HasBlocksToKeep(image));
        }
        catch (VipsException) when (cancellationToken.IsCancellationRequested)
        {
            TryDelete(outputFile);
            throw new OperationCanceledException(cancellationToken);
        }
        catch
        {
            TryDelete(outputFile);
            throw;
        }
        if (cancellationToken.IsCancellationRequested)
        {
            TryDelete(outputFile);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>The saver writes a block we must not keep, so its output is copied without it.</summary>
    private static void SaveWithoutExif(Image image, Transformation transformation, string outputFile, CancellationToken cancellationToken)
    {
        var encoded = outputFile + ".exif";
        try
        {
            VipsEncoders.Save(image, transformation.Format, transformation.Quality, encoded);
            cancellationToken.ThrowIfCancellationRequested();
            ExifBlockRemover.Copy(encoded, outputFile, transformation.Format);
        }
        finally
        {
            TryDelete(encoded);
        }
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (IOException)
        {
            // Best effort: the caller cleans its temp folder anyway.
        }
    }

    private sealed class NoProgress : IProgress<int>
    {
        public static readonly NoProgress Instance = new();

        public void Report(int value)
        {
        }
    }
}
