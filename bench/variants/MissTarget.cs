using Konifer.Bench.Support;
using NetVips;

namespace Konifer.Bench.Variants;

/// <summary>One side of scenario 1: something that makes the variant of request number k of a case.</summary>
internal abstract class MissTarget(string name)
{
    private readonly Dictionary<string, long> _next = [];

    public string Name { get; } = name;

    /// <summary>The next request number of <paramref name="c"/> on this side; numbers never repeat.</summary>
    public long Next(MissCase c)
    {
        lock (_next)
        {
            var k = _next.GetValueOrDefault(c.Id);
            _next[c.Id] = k + 1;
            return k;
        }
    }

    public long Peek(MissCase c)
    {
        lock (_next) return _next.GetValueOrDefault(c.Id);
    }

    public abstract Task<byte[]> RequestAsync(MissCase c, long k);

    /// <summary>Anything request numbers up to <paramref name="last"/> need, done before the clock starts.</summary>
    public virtual Task PrepareAsync(MissCase c, long last) => Task.CompletedTask;

    /// <summary>Decodes <paramref name="output"/> with libvips and refuses a wrong format or size.</summary>
    public static void Verify(string side, byte[] output, VariantSpec spec, (int Width, int Height) source)
    {
        using var image = Image.NewFromBuffer(output);
        var loader = (string)image.Get("vips-loader");
        var height = spec.Height ?? (int)Math.Round((double)source.Height * spec.Width / source.Width);
        var avif = spec.Format != "avif" || image.Contains("heif-compression") && (string)image.Get("heif-compression") == "av1";
        if (loader != spec.ExpectedLoader || !avif || image.Width != spec.Width || Math.Abs(image.Height - height) > 1)
            throw new InvalidOperationException(
                $"{side} answered {image.Width}×{image.Height} ({loader}) for {spec.Label} at {spec.Width} px; expected {spec.Width}×{height} ({spec.ExpectedLoader}).");
    }
}

/// <summary>Konifer over HTTP: each request a variant never made before, of one of the uploads of its case.</summary>
internal sealed class KoniferTarget(BenchServer server, string photo) : MissTarget("Konifer")
{
    private readonly Dictionary<string, long> _uploaded = [];
    private readonly SemaphoreSlim _uploading = new(1, 1);

    public override Task PrepareAsync(MissCase c, long last) => EnsureUploadedAsync(c, MissCase.Original(last));

    public override async Task<byte[]> RequestAsync(MissCase c, long k)
    {
        var original = MissCase.Original(k);
        await EnsureUploadedAsync(c, original); // normally done by PrepareAsync already
        using var response = await server.Http.GetAsync($"/assets/bench/{c.Id}/{original}/-/content?{c.At(k).KoniferQuery}");
        response.EnsureSuccessStatusCode();
        var status = response.Headers.TryGetValues("K-Cache-Status", out var values) ? values.FirstOrDefault() : null;
        if (status != "miss") throw new InvalidOperationException($"Konifer answered K-Cache-Status {status ?? "(none)"} where a miss was expected.");
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task EnsureUploadedAsync(MissCase c, long original)
    {
        await _uploading.WaitAsync();
        try
        {
            for (var next = _uploaded.GetValueOrDefault(c.Id); next <= original; next++)
            {
                await server.UploadAsync($"/bench/{c.Id}/{next}", photo);
                _uploaded[c.Id] = next + 1;
            }
        }
        finally
        {
            _uploading.Release();
        }
    }
}

/// <summary>ipx over HTTP; it keeps no results, but reads another copy of the photo where Konifer reads a new upload.</summary>
internal sealed class IpxTarget(IpxPeer ipx, IReadOnlyList<string> copies) : MissTarget("ipx")
{
    public override async Task<byte[]> RequestAsync(MissCase c, long k)
    {
        var file = Path.GetFileName(copies[(int)(MissCase.Original(k) % copies.Count)]);
        using var response = await ipx.Http.GetAsync($"/{c.At(k).IpxModifiers}/{file}");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync();
    }
}

/// <summary>libvips alone in this process, synchronously (the closed loop gives each client its own thread).</summary>
internal sealed class LibvipsTarget(IReadOnlyList<string> copies) : MissTarget("libvips alone")
{
    public override Task<byte[]> RequestAsync(MissCase c, long k) =>
        Task.FromResult(LibvipsAlone.Transform(copies[(int)(MissCase.Original(k) % copies.Count)], c.At(k)));
}
