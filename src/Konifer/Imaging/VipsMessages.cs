using System.Collections.Concurrent;
using NetVips;

namespace Konifer.Imaging;

/// <summary>
/// libvips reports through GLib's log, which writes <c>VIPS-WARNING</c> lines straight to stderr: outside the
/// configured log format (a JSON line reader breaks on them) and at a level nobody chose. This sends them to the
/// application's log instead. Warnings are about one image (a truncated JPEG, an ignored colour profile) and the
/// request that read it answers for them, so they go to Debug; libvips' critical messages and errors to Warning.
/// Messages from before the log exists (the codec check at start-up) wait in a short queue.
/// </summary>
public static class VipsMessages
{
    public const string Category = "Konifer.Imaging.Libvips";
    private const int QueuedAtMost = 64;

    private static readonly ConcurrentQueue<(LogLevel Level, string Message)> Early = new();
    private static readonly Lock Gate = new();
    // Kept in a field: GLib holds only a native pointer to the delegate, which must not be collected.
    private static Log.LogDelegate? _handler;
    private static ILogger? _logger;

    /// <summary>Takes over libvips' messages; idempotent. Call before the first image operation.</summary>
    public static void Capture()
    {
        lock (Gate)
        {
            if (_handler is not null) return;
            _handler = Forward;
            Log.SetLogHandler("VIPS", Enums.LogLevelFlags.AllButFatal | Enums.LogLevelFlags.FlagFatal, _handler);
        }
    }

    /// <summary>Sends what was queued, and from now on every message, to <paramref name="loggers"/>.</summary>
    public static void WriteTo(ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(Category);
        lock (Gate)
        {
            while (Early.TryDequeue(out var early)) Write(logger, early.Level, early.Message);
            _logger = logger;
        }
    }

    private static void Forward(string domain, Enums.LogLevelFlags flags, string message)
    {
        var level = (flags & (Enums.LogLevelFlags.Error | Enums.LogLevelFlags.Critical)) != 0 ? LogLevel.Warning : LogLevel.Debug;
        if (Volatile.Read(ref _logger) is { } logger)
        {
            Write(logger, level, message);
            return;
        }
        lock (Gate)
        {
            if (_logger is not null) Write(_logger, level, message);
            else if (Early.Count < QueuedAtMost) Early.Enqueue((level, message));
        }
    }

    private static void Write(ILogger logger, LogLevel level, string message)
    {
        if (level == LogLevel.Warning) VipsMessageLog.LogProblem(logger, message.Trim());
        else VipsMessageLog.LogNote(logger, message.Trim());
    }
}

internal static partial class VipsMessageLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "libvips: {Message}")]
    public static partial void LogProblem(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Debug, Message = "libvips: {Message}")]
    public static partial void LogNote(ILogger logger, string message);
}
