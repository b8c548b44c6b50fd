using Konifer.Core.Images;
using NetVips;

namespace Konifer.Imaging;

/// <summary>
/// Reads image attributes with libvips from the file header, refuses what exceeds <see cref="SourceImageLimits"/>
/// before any pixel is decoded, then decodes once (cancellable, time-limited) to refuse truncated files.
/// </summary>
public sealed class VipsImageInspector(SourceImageLimits limits) : IImageInspector
{
    public VipsImageInspector() : this(SourceImageLimits.Default)
    {
    }

    public async Task<ImageAttributes> InspectAsync(string filePath, CancellationToken cancellationToken)
    {
        var header = new byte[ImageSniffer.HeaderLength];
        int read;
        await using (var file = new FileStream(filePath, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true))
            read = await file.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        var sniffed = ImageSniffer.Detect(header.AsSpan(0, read))
            ?? throw new InvalidImageException($"The uploaded content is not a supported image ({SupportedNames}).");

        // Native work stays off the request thread; the decode stops when the client goes away or time runs out.
        using var decodeLimit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        decodeLimit.CancelAfter(limits.DecodeTimeout);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        ImageAttributes attributes;
        try
        {
            attributes = await Task.Run(() => ReadHeader(filePath, sniffed, decodeLimit.Token), decodeLimit.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw DecodeTooSlow(e);
        }
        // The timer that cancels the decode runs on the thread pool and can fire late under load: the clock decides.
        if (System.Diagnostics.Stopwatch.GetElapsedTime(started) > limits.DecodeTimeout) throw DecodeTooSlow(null);
        return attributes;
    }

    /// <summary>"JPEG, PNG, …, HEIC or GIF", in <see cref="ImageFormat"/> order.</summary>
    private static readonly string SupportedNames = string.Join(", ", ImageFormatTable.Rows.SkipLast(1).Select(row => row.Name)) +
                                                    " or " + ImageFormatTable.Rows[^1].Name;

    private InvalidImageException DecodeTooSlow(Exception? cause) =>
        new($"The uploaded image took longer than source.decode-timeout ({limits.DecodeTimeout.TotalSeconds:0.###} s) to decode.", cause);

    /// <summary>
    /// libjpeg's one benign warning: stray bytes between two markers, which many cameras and editors leave and every
    /// decoder skips; the image data is complete. A JPEG whose only warnings are these is read again at <c>error</c>
    /// level. Every other warning (missing data, bad Huffman codes, …) means pixels libjpeg had to invent.
    /// </summary>
    private static bool OnlyBenignJpegWarnings(VipsException e)
    {
        var remarks = e.Message.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("VipsJpeg:", StringComparison.Ordinal)).ToList();
        return remarks.Count > 0 && remarks.All(l => l.Contains("extraneous bytes before marker", StringComparison.Ordinal));
    }

    private ImageAttributes ReadHeader(string filePath, ImageFormat sniffed, CancellationToken cancellationToken) =>
        ReadHeader(filePath, sniffed, VipsFormatTable.For(sniffed).FailOn, cancellationToken);

    private ImageAttributes ReadHeader(string filePath, ImageFormat sniffed, Enums.FailOn failOn, CancellationToken cancellationToken)
    {
        var decodedPixels = 0L;
        try
        {
            return Decode(filePath, sniffed, failOn, cancellationToken, ref decodedPixels);
        }
        finally
        {
            // The image is closed here, so its frame is freed; truncated and hostile files leave memory too.
            LargeDecodeTrim.After(decodedPixels);
        }
    }

    private ImageAttributes Decode(string filePath, ImageFormat sniffed, Enums.FailOn failOn, CancellationToken cancellationToken, ref long decodedPixels)
    {
        try
        {
            using var image = Image.NewFromFile(filePath, access: Enums.Access.Sequential, failOn: failOn);
            var loader = image.Contains("vips-loader") ? (string)image.Get("vips-loader") : "";
            var format = VipsFormatTable.OfLoader(loader, () => image.Contains("heif-compression") ? (string)image.Get("heif-compression") : null) ?? sniffed;
            if (format != sniffed)
                throw new InvalidImageException($"The uploaded content looks like {sniffed.ShortName()} but libvips reads it as {format.ShortName()}.");
            var pages = image.Contains("n-pages") ? Math.Max(1, (int)image.Get("n-pages")) : 1;
            var animatable = format.Info().CanAnimate;
            int? loop = animatable ? (image.Contains("loop") ? (int)image.Get("loop") : 0) : null;
            var height = image.Contains("page-height") && pages > 1 ? image.PageHeight : image.Height;
            CheckLimits(sniffed, image.Width, height, pages);
            decodedPixels = (long)image.Width * image.Height;
            // Decode every pixel once (streaming, small memory) so truncated or corrupt files are refused now, not
            // when a variant is first requested. The progress hook lets cancellation kill the decode mid-way.
            image.SetProgress(NoProgress.Instance, cancellationToken);
            _ = image.Avg();
            cancellationToken.ThrowIfCancellationRequested();
            var orientation = image.Contains("orientation") ? Math.Clamp((int)image.Get("orientation"), 1, 8) : 1;
            return new ImageAttributes(image.Width, height, format, pages, loop, ColorSpaceName(image.Interpretation), orientation);
        }
        catch (VipsException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (VipsException e) when (failOn == Enums.FailOn.Warning && OnlyBenignJpegWarnings(e))
        {
            return ReadHeader(filePath, sniffed, Enums.FailOn.Error, cancellationToken);
        }
        catch (VipsException e)
        {
            throw new InvalidImageException($"The uploaded {sniffed.ShortName()} image cannot be read: it is truncated or corrupt.", e);
        }
    }

    /// <summary>Only header values are used: a decompression bomb is refused before its pixels exist.</summary>
    private void CheckLimits(ImageFormat format, int width, int height, int pages)
    {
        if (pages > limits.MaxFrames)
            throw new InvalidImageException(
                $"The uploaded {format.ShortName()} image has {pages} frames: more than {SourceImageLimits.MaxFramesKey} ({limits.MaxFrames}) allows.");
        if (width > limits.MaxDimension || height > limits.MaxDimension)
            throw new InvalidImageException(
                $"The uploaded {format.ShortName()} image is {width}x{height} pixels: a side is longer than source.max-dimension ({limits.MaxDimension}) allows.");
        var pixels = (long)width * height * pages;
        if (pixels > limits.MaxPixels)
            throw new InvalidImageException(
                $"The uploaded {format.ShortName()} image has {pixels} pixels ({width}x{height}{(pages > 1 ? $" x {pages} pages" : "")}): more than source.max-pixels ({limits.MaxPixels}) allows.");
    }

    private sealed class NoProgress : IProgress<int>
    {
        public static readonly NoProgress Instance = new();

        public void Report(int value)
        {
        }
    }

    /// <summary>The colour space names of <c>attributes.colorSpace</c>, shared with the output inspector.</summary>
    internal static string ColorSpaceName(Enums.Interpretation interpretation) => interpretation switch
    {
        Enums.Interpretation.Srgb or Enums.Interpretation.Rgb16 or Enums.Interpretation.Rgb => "srgb",
        Enums.Interpretation.Bw or Enums.Interpretation.Grey16 => "grayscale",
        Enums.Interpretation.Cmyk => "cmyk",
        Enums.Interpretation.Scrgb => "scrgb",
        _ => interpretation.ToString().ToLowerInvariant(),
    };
}
