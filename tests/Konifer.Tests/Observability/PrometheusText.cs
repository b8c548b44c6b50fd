using System.Globalization;
using System.Text.RegularExpressions;

namespace Konifer.Tests.Observability;

/// <summary>The samples of a Prometheus text exposition: name, labels and value per line (comments skipped).</summary>
public sealed partial class PrometheusText
{
    private readonly List<(string Name, Dictionary<string, string> Labels, double Value)> _samples = [];
    private readonly Dictionary<string, string> _types = new(StringComparer.Ordinal);

    public PrometheusText(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith("# TYPE ", StringComparison.Ordinal) && line.Split(' ') is [_, _, var family, var type])
                _types[family] = type;
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var match = Sample().Match(line);
            Assert.True(match.Success, $"Not a sample line: {line}");
            var labels = Label().Matches(match.Groups["labels"].Value).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
            _samples.Add((match.Groups["name"].Value, labels, double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture)));
        }
    }

    public IReadOnlyList<string> Names => _samples.Select(s => s.Name).Distinct().ToList();

    /// <summary>The sum of the samples named <paramref name="name"/> whose labels include every given pair (0 when none).</summary>
    public double Sum(string name, params (string Label, string Value)[] labels) =>
        _samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Label, out var v) && v == l.Value)).Sum(s => s.Value);

    /// <summary>The <c># TYPE</c> of a metric family (counter, gauge, histogram), null when it has none.</summary>
    public string? TypeOf(string family) => _types.GetValueOrDefault(family);

    public bool Has(string name) => _samples.Any(s => s.Name == name);

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)( \d+)?$""")]
    private static partial Regex Sample();

    [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex Label();
}
