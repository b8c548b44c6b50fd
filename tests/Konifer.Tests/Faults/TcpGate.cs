using System.Net;
using System.Net.Sockets;

namespace Konifer.Tests.Faults;

/// <summary>
/// A loopback TCP forwarder in front of a server that a test can close (connections are refused and open ones cut,
/// as when the server is down) and open again on the same port, while the server behind it keeps its data.
/// Written here because no test package simulates an outage of an arbitrary TCP service this simply.
/// </summary>
public sealed class TcpGate : IAsyncDisposable
{
    private readonly Uri _target;
    private readonly Lock _gate = new();
    private readonly List<TcpClient> _connections = [];
    private TcpListener? _listener;
    private CancellationTokenSource? _accepting;
    private (byte[] Prefix, Action Action)? _trigger;

    public int Port { get; }

    /// <summary>The gate's address with the target's scheme: use it in place of the target's.</summary>
    public Uri Endpoint => new UriBuilder(_target) { Host = "127.0.0.1", Port = Port }.Uri;

    private TcpGate(Uri target, TcpListener listener)
    {
        _target = target;
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        Start(listener);
    }

    public static TcpGate Open(Uri target) => new(target, Listen(0));

    public bool IsOpen
    {
        get { lock (_gate) return _listener is not null; }
    }

    /// <summary>Refuses new connections and cuts the open ones.</summary>
    public void Close()
    {
        lock (_gate)
        {
            _accepting?.Cancel();
            _listener?.Stop();
            _listener = null;
            foreach (var connection in _connections) connection.Dispose();
            _connections.Clear();
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/> once, when the next HTTP request with this method starts, before its bytes are
    /// forwarded: e.g. close this gate so that the request fails, or another gate so that what follows it fails.
    /// </summary>
    public void WhenRequest(string method, Action action)
    {
        lock (_gate) _trigger = (System.Text.Encoding.ASCII.GetBytes(method + " "), action);
    }

    /// <summary>Accepts connections on the same port again.</summary>
    public void Reopen()
    {
        lock (_gate)
        {
            if (_listener is not null) return;
            Start(Listen(Port));
        }
    }

    private static TcpListener Listen(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        return listener;
    }

    private void Start(TcpListener listener)
    {
        _listener = listener;
        _accepting = new CancellationTokenSource();
        _ = AcceptAsync(listener, _accepting.Token);
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = ForwardAsync(client, cancellationToken);
        }
    }

    private async Task ForwardAsync(TcpClient client, CancellationToken cancellationToken)
    {
        var upstream = new TcpClient();
        lock (_gate)
        {
            _connections.Add(client);
            _connections.Add(upstream);
        }
        try
        {
            await upstream.ConnectAsync(_target.Host, _target.Port, cancellationToken);
            var down = client.GetStream();
            var up = upstream.GetStream();
            // Whichever direction ends first ends the connection.
            await Task.WhenAny(CopyWatchingAsync(down, up, cancellationToken), up.CopyToAsync(down, cancellationToken));
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            lock (_gate)
            {
                _connections.Remove(client);
                _connections.Remove(upstream);
            }
            client.Dispose();
            upstream.Dispose();
        }
    }

    /// <summary>Client to server, looking at the start of each read for the armed request (requests start a read in practice).</summary>
    private async Task CopyWatchingAsync(Stream from, Stream to, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        int read;
        while ((read = await from.ReadAsync(buffer, cancellationToken)) > 0)
        {
            Action? fire = null;
            lock (_gate)
            {
                if (_trigger is { } trigger && buffer.AsSpan(0, read).StartsWith(trigger.Prefix))
                {
                    fire = trigger.Action;
                    _trigger = null;
                }
            }
            fire?.Invoke();
            await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }

    public ValueTask DisposeAsync()
    {
        Close();
        return ValueTask.CompletedTask;
    }
}
