using System.Net;

namespace Konifer.Sources;

/// <summary>
/// Fixed addresses for host names of URL sources, used instead of resolving the name (as <c>curl --resolve</c> does);
/// the request keeps the name in its Host header and still passes every rule, the address rule included, on the
/// fixed address. Not a konifer.conf setting: tests register it to give a name a non-public address without DNS.
/// </summary>
public sealed class HostAddressOverrides(IReadOnlyDictionary<string, IPAddress> addresses)
{
    /// <summary>The URL to connect to: <paramref name="url"/> with its host replaced when it has a fixed address.</summary>
    public Uri Apply(Uri url)
    {
        if (!addresses.TryGetValue(url.IdnHost, out var address)) return url;
        var host = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
        return new UriBuilder(url) { Host = host }.Uri;
    }
}
