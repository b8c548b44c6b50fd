using System.Globalization;

namespace Konifer.Bench;

/// <summary>The <c>--name value</c> options of a bench tool; unknown names are refused so typos do not pass silently.</summary>
public sealed class BenchArgs
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public BenchArgs(string[] args, params string[] known)
    {
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal) || !known.Contains(name) && name != "--out")
                throw new ArgumentException($"Unknown option '{name}'; known: {string.Join(", ", known.Append("--out"))}");
            if (i + 1 >= args.Length) throw new ArgumentException($"Option '{name}' needs a value.");
            _values[name] = args[++i];
        }
    }

    /// <summary>Where <see cref="BenchReport.Write"/> puts md + json (set by bench/run), or null.</summary>
    public string? Out => String("--out");

    public string? String(string name) => _values.GetValueOrDefault(name);

    public int Int(string name, int fallback) =>
        _values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public double Double(string name, double fallback) =>
        _values.TryGetValue(name, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
}
