namespace Konifer.Storage;

/// <summary>
/// Start-up against a store that may still be starting beside us (a database or bucket container in the same
/// deployment): retries an attempt with back-off (250 ms, doubling, at most 5 s between attempts) while its failure is
/// one that waiting may cure, until a timeout; any other failure ends it at once.
/// </summary>
public static class StartupRetry
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    /// <param name="attempt">One try.</param>
    /// <param name="failure">
    /// For an exception of <paramref name="attempt"/>: null when it is not a store failure (it propagates as it is),
    /// true when waiting may cure it, false when it will not.
    /// </param>
    /// <param name="waiting">Called before each wait with the failure, the wait and the time left.</param>
    /// <param name="gaveUp">The exception to throw instead of the last failure; its flag says whether the timeout ran out.</param>
    public static async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> attempt, Func<Exception, bool?> failure, TimeSpan timeout,
        Action<Exception, TimeSpan, TimeSpan> waiting, Func<Exception, bool, Exception> gaveUp, CancellationToken cancellationToken,
        TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        var started = time.GetTimestamp();
        var delay = FirstDelay;
        while (true)
        {
            try
            {
                return await attempt(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested && failure(exception) is { } transient)
            {
                var left = timeout - time.GetElapsedTime(started);
                if (!transient || left <= TimeSpan.Zero) throw gaveUp(exception, transient && timeout > TimeSpan.Zero);
                var wait = delay < left ? delay : left;
                waiting(exception, wait, left);
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
            }
        }
    }

    /// <summary>"3s", "0.5s": how the waits and timeouts read in the log.</summary>
    public static string Seconds(TimeSpan span) =>
        span.TotalSeconds.ToString(span.TotalSeconds < 10 ? "0.#" : "0", System.Globalization.CultureInfo.InvariantCulture) + "s";
}
