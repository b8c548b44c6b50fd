namespace Konifer.Configuration.Reading;

/// <summary>The known key closest to a mistyped one: the same last name first (a key in the wrong section), then the closest spelling.</summary>
internal static class KeySuggestion
{
    /// <param name="unknown">The unknown key with path patterns and list positions as <c>*</c>.</param>
    /// <param name="known">Every key the readers asked for, in the same form.</param>
    /// <returns>The suggestion as it would be written (a pattern shown as <c>"/**"</c>), or null when nothing is close.</returns>
    public static string? Closest(string unknown, IEnumerable<string> known)
    {
        var last = LastName(unknown);
        var best = known
            .Select(k => (Key: k, Last: Distance(last, LastName(k)), Full: Distance(unknown, k)))
            .Where(c => c.Last <= Allowance(last) || c.Full <= Allowance(unknown))
            .OrderBy(c => Math.Min(c.Last, c.Full))
            .ThenBy(c => c.Full)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => c.Key)
            .FirstOrDefault();
        return best?.Replace("paths.*", "paths.\"/**\"", StringComparison.Ordinal);
    }

    private static string LastName(string key) => key[(key.LastIndexOf('.') + 1)..];

    /// <summary>Typos a reader would call close: about one edit in four characters, at least one.</summary>
    private static int Allowance(string text) => Math.Max(1, text.Length / 4);

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
