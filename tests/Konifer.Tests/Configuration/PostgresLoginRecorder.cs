using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Konifer.Tests.Configuration;

/// <summary>
/// A loopback listener that speaks just enough of the PostgreSQL wire protocol to learn who logs in: it reads the
/// startup message (user, database), asks for a clear-text password, notes it, and then refuses the login. So a test
/// sees exactly which credentials the service sends, which a trust-auth test cluster would never check.
/// </summary>
public sealed class PostgresLoginRecorder : IAsyncDisposable
{
    private const int SslRequest = 80877103, GssEncRequest = 80877104;

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public ConcurrentQueue<(string User, string Password)> Logins { get; } = new();

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public PostgresLoginRecorder()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception) when (_stop.IsCancellationRequested) { return; }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            byte[] startup;
            while (true)
            {
                startup = await ReadLengthPrefixedAsync(stream);
                var code = BinaryPrimitives.ReadInt32BigEndian(startup);
                if (code is not (SslRequest or GssEncRequest)) break;
                await stream.WriteAsync("N"u8.ToArray(), _stop.Token); // no encryption: ask again in plain text
            }
            var parameters = Encoding.UTF8.GetString(startup, 4, startup.Length - 4).Split('\0');
            var user = "";
            for (var i = 0; i + 1 < parameters.Length; i += 2)
                if (parameters[i] == "user") user = parameters[i + 1];

            // AuthenticationCleartextPassword
            await stream.WriteAsync(new byte[] { (byte)'R', 0, 0, 0, 8, 0, 0, 0, 3 }, _stop.Token);
            var type = new byte[1];
            await stream.ReadExactlyAsync(type, _stop.Token);
            var body = await ReadLengthPrefixedAsync(stream);
            Logins.Enqueue((user, Encoding.UTF8.GetString(body).TrimEnd('\0')));

            // ErrorResponse 28P01 invalid_password, then the connection ends.
            var fields = Encoding.UTF8.GetBytes("SFATAL\0VFATAL\0C28P01\0Mpassword authentication failed (recorded by the test)\0\0");
            var error = new byte[5 + fields.Length];
            error[0] = (byte)'E';
            BinaryPrimitives.WriteInt32BigEndian(error.AsSpan(1), 4 + fields.Length);
            fields.CopyTo(error, 5);
            await stream.WriteAsync(error, _stop.Token);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or EndOfStreamException) { }
    }

    /// <summary>A message whose first four bytes are its length (themselves included): returns the rest.</summary>
    private async Task<byte[]> ReadLengthPrefixedAsync(NetworkStream stream)
    {
        var length = new byte[4];
        await stream.ReadExactlyAsync(length, _stop.Token);
        var rest = new byte[BinaryPrimitives.ReadInt32BigEndian(length) - 4];
        await stream.ReadExactlyAsync(rest, _stop.Token);
        return rest;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try { await _accepting; } catch (OperationCanceledException) { }
        _stop.Dispose();
    }
}
