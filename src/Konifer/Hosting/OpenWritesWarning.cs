using System.Net;
using Konifer.Configuration;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Konifer.Hosting;

/// <summary>
/// Warns once, when the server has started and its addresses are known, that store, update and delete are open to
/// anyone who reaches a non-loopback address: the reference's default, fine behind a gateway that checks callers,
/// dangerous without one.
/// </summary>
public static partial class OpenWritesWarning
{
    public static void WhenStarted(WebApplication app, ILogger logger, AuthSettings auth)
    {
        if (auth.Enabled) return;
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            if (addresses.FirstOrDefault(address => !IsLoopback(address)) is { } open)
                LogOpenWrites(logger, open);
        });
    }

    /// <summary>
    /// True for <c>localhost</c> and loopback IPs; false for wildcards (<c>0.0.0.0</c>, <c>[::]</c>, <c>*</c>, <c>+</c>),
    /// other names and anything that does not parse.
    /// </summary>
    public static bool IsLoopback(string address)
    {
        var start = address.IndexOf("://", StringComparison.Ordinal);
        var host = start < 0 ? address : address[(start + 3)..];
        var end = host.IndexOf('/');
        if (end >= 0) host = host[..end];
        if (host.StartsWith('['))
            host = host[1..Math.Max(1, host.IndexOf(']'))];
        else if (host.LastIndexOf(':') is var colon and > 0)
            host = host[..colon];
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "auth.enabled is false and the server listens on {Address}: anyone who can reach it may store, update and delete " +
                  "assets. Put a gateway that checks callers in front, or set auth.enabled = true with API keys (konifer --hash-api-key).")]
    private static partial void LogOpenWrites(ILogger logger, string address);
}
