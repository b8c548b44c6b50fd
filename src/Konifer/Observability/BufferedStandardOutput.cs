using System.Text;

namespace Konifer.Observability;

/// <summary>
/// Standard output through a 64 KiB buffer flushed every 100 ms (and at exit), instead of one write(2) per line.
/// The console logger writes each line on its own; with the request line on, a server answering tens of thousands of
/// hits a second spent a quarter of its throughput on those calls (measured: 46k → 34k req/s on a 2-core machine).
/// The price: a process killed with SIGKILL loses at most the last 100 ms of its log. Standard error is untouched.
/// </summary>
public sealed class BufferedStandardOutput : IDisposable
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(100);

    private readonly TextWriter _original;
    private readonly Timer _timer;

    private BufferedStandardOutput(TextWriter original)
    {
        _original = original;
        Console.SetOut(new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 64 * 1024) { AutoFlush = false });
        _timer = new Timer(_ => Flush(), null, FlushInterval, FlushInterval);
    }

    /// <summary>Replaces <see cref="Console.Out"/>; call before the first logger is created (it keeps the writer it finds).</summary>
    public static BufferedStandardOutput Install() => new(Console.Out);

    private static void Flush()
    {
        try
        {
            Console.Out.Flush(); // Console.SetOut made it synchronized: safe beside the logger's writes
        }
        catch (IOException)
        {
            // stdout closed (the reader went away): nothing left to tell it
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        Flush();
        Console.SetOut(_original);
    }
}
