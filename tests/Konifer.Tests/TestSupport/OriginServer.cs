using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Konifer.Tests.TestSupport;

/// <summary>
/// A second Kestrel server on a loopback port that plays the remote host of URL sources: an image, redirects
/// (to a chosen target, in a chain, in a loop), a large body with or without its length, any status, a slow answer.
/// </summary>
public sealed class OriginServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    public Uri BaseAddress { get; }
    public byte[] Image { get; }
    public int Requests;

    private OriginServer(WebApplication app, byte[] image)
    {
        _app = app;
        Image = image;
        BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public int Port => BaseAddress.Port;

    public string Url(string pathAndQuery) => new Uri(BaseAddress, pathAndQuery).ToString();

    public static async Task<OriginServer> StartAsync(byte[] image)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        OriginServer? origin = null;
        app.Use((context, next) =>
        {
            Interlocked.Increment(ref origin!.Requests);
            return next(context);
        });
        app.MapGet("/image.png", () => Results.Bytes(image, "image/png"));
        app.MapGet("/redirect", (string to, int? status) => Results.Redirect(to, permanent: status is 301 or 308, preserveMethod: status is 307 or 308));
        app.MapGet("/chain/{n:int}", (int n) => Results.Redirect(n <= 0 ? "/image.png" : $"/chain/{n - 1}"));
        app.MapGet("/loop", () => Results.Redirect("/loop"));
        app.MapGet("/missing", () => Results.NotFound());
        app.MapGet("/status/{code:int}", (int code) => Results.StatusCode(code));
        app.MapGet("/large", async (HttpContext context, int bytes, bool? declared) =>
        {
            context.Response.ContentType = "image/png";
            if (declared == true) context.Response.ContentLength = bytes;
            var chunk = new byte[4096];
            for (var sent = 0; sent < bytes; sent += chunk.Length)
                await context.Response.Body.WriteAsync(chunk.AsMemory(0, Math.Min(chunk.Length, bytes - sent)), context.RequestAborted);
        });
        app.MapGet("/slow", async (HttpContext context, int ms) =>
        {
            await Task.Delay(ms, context.RequestAborted);
            return Results.Bytes(image, "image/png");
        });
        app.MapGet("/stall", async (HttpContext context, int ms) =>
        {
            // Headers and half the image at once, then silence: only a read timeout ends this.
            context.Response.ContentType = "image/png";
            await context.Response.Body.WriteAsync(image.AsMemory(0, image.Length / 2), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(ms, context.RequestAborted);
            await context.Response.Body.WriteAsync(image.AsMemory(image.Length / 2), context.RequestAborted);
        });
        await app.StartAsync();
        origin = new OriginServer(app, image);
        return origin;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
