using System.Globalization;

namespace Konifer.Bench.Inference;

/// <summary>The status codes (or exception names) a window's requests were answered with, counted.</summary>
public sealed class Outcomes
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _counts = [];

    public void Add(int status) => Add(status.ToString(CultureInfo.InvariantCulture));

    public void Add(string outcome)
    {
        lock (_gate) _counts[outcome] = _counts.GetValueOrDefault(outcome) + 1;
    }

    public int Count(string outcome)
    {
        lock (_gate) return _counts.GetValueOrDefault(outcome);
    }

    /// <summary>The requests answered otherwise than <paramref name="expected"/>.</summary>
    public int Except(string expected)
    {
        lock (_gate) return _counts.Where(c => c.Key != expected).Sum(c => c.Value);
    }

    /// <summary>"201×40, 400×2", most frequent first.</summary>
    public override string ToString()
    {
        lock (_gate)
            return string.Join(", ", _counts.OrderByDescending(c => c.Value).Select(c => $"{c.Key}×{c.Value}"));
    }
}
