namespace Konifer.Observability;

/// <summary>
/// Why a request was refused, kept on the request for its one log line (<see cref="RequestLog"/>), so that a 4xx is
/// one line that says why instead of a second line from wherever the refusal was written.
/// </summary>
public static class RequestReason
{
    private static readonly object Key = new();

    /// <summary>Records <paramref name="reason"/> unless an earlier, more precise one was recorded.</summary>
    public static void Set(HttpContext context, string reason) => context.Items.TryAdd(Key, reason);

    public static string? Of(HttpContext context) => context.Items.TryGetValue(Key, out var reason) ? reason as string : null;
}
