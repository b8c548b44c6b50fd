using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Konifer.Bench;

/// <summary>
/// One scenario's result: a table plus notes. <see cref="Write"/> prints it as Markdown and, with an output folder
/// (the <c>--out</c> option every tool takes, set by <c>bench/run</c>), also writes <c>{id}.md</c> and <c>{id}.json</c>
/// there, which <c>bench/run</c> joins into one report. Numbers stay numbers in the JSON; Markdown formats them with
/// the column's format string.
/// </summary>
public sealed class BenchReport(string id, string title)
{
    private readonly List<(string Name, string Format)> _columns = [];
    private readonly List<object?[]> _rows = [];
    private readonly List<string> _notes = [];

    public string Id { get; } = id;
    public string Title { get; } = title;

    /// <summary>Adds a column; <paramref name="format"/> is a .NET numeric format for numbers ("0.0", "0").</summary>
    public BenchReport Column(string name, string format = "0.##")
    {
        _columns.Add((name, format));
        return this;
    }

    public BenchReport Row(params object?[] cells)
    {
        if (cells.Length != _columns.Count)
            throw new ArgumentException($"A row of '{Id}' has {cells.Length} cells for {_columns.Count} columns.", nameof(cells));
        _rows.Add(cells);
        return this;
    }

    public BenchReport Note(string note)
    {
        _notes.Add(note);
        return this;
    }

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.Append("### ").AppendLine(Title).AppendLine();
        text.Append("| ").AppendJoin(" | ", _columns.Select(c => c.Name)).AppendLine(" |");
        text.Append('|').AppendJoin("", _rows.Count == 0 && _columns.Count == 0 ? [] : _columns.Select((_, i) => i == 0 ? "---|" : "---:|")).AppendLine();
        foreach (var row in _rows)
            text.Append("| ").AppendJoin(" | ", row.Select((cell, i) => Format(cell, _columns[i].Format))).AppendLine(" |");
        if (_notes.Count > 0) text.AppendLine();
        foreach (var note in _notes) text.Append("- ").AppendLine(note);
        return text.ToString();
    }

    public string ToJson() => JsonSerializer.Serialize(new
    {
        scenario = Id,
        title = Title,
        columns = _columns.Select(c => c.Name),
        rows = _rows,
        notes = _notes,
    }, new JsonSerializerOptions { WriteIndented = true });

    /// <summary>Prints the Markdown to <paramref name="output"/>; with <paramref name="outDirectory"/> also writes both files.</summary>
    public void Write(TextWriter output, string? outDirectory)
    {
        output.WriteLine(ToMarkdown());
        if (outDirectory is null) return;
        Directory.CreateDirectory(outDirectory);
        File.WriteAllText(Path.Combine(outDirectory, Id + ".md"), ToMarkdown());
        File.WriteAllText(Path.Combine(outDirectory, Id + ".json"), ToJson());
    }

    private static string Format(object? cell, string format) => cell switch
    {
        null => "–",
        double d when double.IsNaN(d) => "–",
        double d => d.ToString(format, CultureInfo.InvariantCulture),
        float f => f.ToString(format, CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(cell, CultureInfo.InvariantCulture) ?? "",
    };
}
