// Variant generation benchmark (issue 3): on-demand generation (cache miss), cached serving (hit) and eager
// generation throughput of the real server, each next to the same work done by libvips alone in this process.
// Usage: dotnet run -c Release --project bench/variants [-- --input photo.jpg --iterations 15]
using System.Diagnostics;
using System.Net.Http.Headers;
using Konifer.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NetVips;

var input = Arg("--input");
var iterations = int.Parse(Arg("--iterations") ?? "15");
var work = Directory.CreateTempSubdirectory("konifer-bench-").FullName;
var source = input ?? Path.Combine(work, "source.jpg");
if (input is null)
{
    // A 2000×1500 photo-like JPEG (~500 KB): smooth gradients plus noise so the encoders have real work.
    using var noise = Image.Gaussnoise(2000, 1500, mean: 128, sigma: 40);
    using var xyz = Image.Xyz(2000, 1500);
    using var rgb = (noise * 0.4 + xyz[0] * 0.05).Bandjoin(noise * 0.3 + xyz[1] * 0.08, noise * 0.5).Cast(Enums.BandFormat.Uchar)
        .Copy(interpretation: Enums.Interpretation.Srgb);
    rgb.Jpegsave(source, q: 85);
}
Console.WriteLine($"input: {source} ({new FileInfo(source).Length / 1024} KB), {iterations} iterations per figure, {Environment.ProcessorCount} cores, libvips {NetVips.NetVips.Version(0)}.{NetVips.NetVips.Version(1)}");

var config = Path.Combine(work, "konifer.conf");
File.WriteAllText(config, """
    data-store.provider = in-memory
    object-store.provider = in-memory
    variant-profiles { thumb { w = 400, format = webp, q = 80 } }
    paths { "/eager/**" { transform.eager-variants = [thumb] } }
    """);
var app = KoniferApp.Build(["--Logging:LogLevel:Default=Warning"], new KoniferHostOptions
{
    Environment = name => name == "KONIFER_CONFIG" ? config : null,
    CurrentDirectory = work,
    Urls = "http://127.0.0.1:0",
});
await app.StartAsync();
var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
using var http = new HttpClient { BaseAddress = new Uri(address) };
await Store("/bench/photo");

var rows = new List<(string Name, double Service, double Limit, string Unit)>();
foreach (var (label, query, suffix) in new[] { ("400 px WebP q80", "format=webp&q=80", ".webp[Q=80]"), ("400 px AVIF", "format=avif", ".avif"), ("400×400 fill crop attention", "format=jpg&h=400&fit=crop&g=attention", ".jpg") })
{
    var crop = suffix == ".jpg";
    var limit = Median(iterations, _ => LibvipsAlone(source, 400, crop ? 400 : null, suffix));
    var miss = Median(iterations, i => Time(() => Get($"/assets/bench/photo/-/content?w={400 + i}&{query.Replace("h=400", $"h={400 + i}")}")));
    rows.Add(($"miss: {label} (ms, median)", miss, limit, "ms"));
}
// The engine alone (file to file through our pipeline), to split HTTP/storage overhead from libvips work.
{
    var transformer = new Konifer.Imaging.VipsImageTransformer();
    var original = new Konifer.Assets.ImageAttributes(2000, 1500, Konifer.Assets.ImageFormat.Jpeg, 1, null, "srgb");
    using (var probe = Image.NewFromFile(source, access: Enums.Access.Sequential)) original = original with { Width = probe.Width, Height = probe.Height };
    var height = (int)Math.Round(400.0 * original.Height / original.Width);
    var webp = new Konifer.Transformations.Transformation(400, height, Konifer.Transformations.Fit.Fit, Konifer.Transformations.Gravity.Center,
        Konifer.Assets.ImageFormat.Webp, Konifer.Transformations.Rotation.Zero, Konifer.Transformations.Flip.None,
        Konifer.Transformations.Filter.None, 0, 80, Konifer.Transformations.Padding.None, Konifer.Transformations.MetadataStrip.None,
        Konifer.Transformations.ColorSpace.Origin);
    var output = Path.Combine(work, "engine.webp");
    var engine = Median(iterations, _ => Time(() => transformer.TransformAsync(source, original, webp, output, CancellationToken.None).GetAwaiter().GetResult()));
    rows.Insert(1, ("engine: 400 px WebP q80 file to file (ms, median)", engine, rows[0].Limit, "ms"));
}
var hitUrl = "/assets/bench/photo/-/content?w=400&format=webp&q=80";
Get(hitUrl);
var hitMs = Median(iterations * 10, _ => Time(() => Get(hitUrl)));
var readMs = Median(iterations * 10, _ => Time(() => File.ReadAllBytes(source)));
rows.Add(("hit: cached 400 px WebP (ms, median)", hitMs, readMs, "ms"));

// Eager: N uploads whose profile is generated in the background, until every variant exists.
var uploads = Math.Max(4, iterations / 2);
var eager = Stopwatch.StartNew();
for (var i = 0; i < uploads; i++) await Store($"/eager/{i}");
for (var i = 0; i < uploads; i++)
    while (System.Text.Json.JsonDocument.Parse(await http.GetStringAsync($"/assets/eager/{i}/-/info")).RootElement.GetProperty("variants").GetArrayLength() < 2)
        await Task.Delay(5);
var eagerPerSecond = uploads / eager.Elapsed.TotalSeconds;
var alonePerSecond = 1000.0 / Median(iterations, _ => LibvipsAlone(source, 400, null, ".webp[Q=80]"));
rows.Add(("eager: variants per second (incl. uploads)", eagerPerSecond, alonePerSecond, "/s"));

Console.WriteLine();
Console.WriteLine("| figure | service | libvips alone (limit) | ratio service/limit |");
Console.WriteLine("|---|---:|---:|---:|");
foreach (var (name, service, limit, _) in rows)
    Console.WriteLine($"| {name} | {service:F1} | {limit:F1} | {service / limit:F2} |");
await app.StopAsync();
Directory.Delete(work, recursive: true);
return;

string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

async Task Store(string path)
{
    using var content = new MultipartFormDataContent();
    var json = new StringContent("{}");
    json.Headers.ContentType = new MediaTypeHeaderValue("application/json");
    content.Add(json, "metadata");
    content.Add(new StreamContent(File.OpenRead(source)), "asset", "photo.jpg");
    using var response = await http.PostAsync("/assets" + path, content);
    response.EnsureSuccessStatusCode();
}

void Get(string url)
{
    using var response = http.GetAsync(url).GetAwaiter().GetResult();
    response.EnsureSuccessStatusCode();
    response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
}

static double LibvipsAlone(string file, int width, int? height, string suffix)
{
    var stopwatch = Stopwatch.StartNew();
    using var thumb = height is { } h
        ? Image.Thumbnail(file, width, h, crop: Enums.Interesting.Attention)
        : Image.Thumbnail(file, width);
    var bytes = thumb.WriteToBuffer(suffix);
    GC.KeepAlive(bytes);
    return stopwatch.Elapsed.TotalMilliseconds;
}

static double Time(Action action)
{
    var stopwatch = Stopwatch.StartNew();
    action();
    return stopwatch.Elapsed.TotalMilliseconds;
}

static double Median(int count, Func<int, double> measure)
{
    var samples = Enumerable.Range(0, count).Select(measure).Order().ToArray();
    return samples[samples.Length / 2];
}
