namespace Konifer.Hocon;

/// <summary>
/// A HOCON document could not be read. The message names the problem and where it is,
/// e.g. <c>konifer.conf:12:5: expected '}' ...</c>, because users see it when start-up fails.
/// </summary>
public sealed class HoconException : Exception
{
    internal HoconException(string problem, int line, int column, string? filePath = null, Exception? innerException = null)
        : base(FormatMessage(problem, line, column, filePath), innerException)
    {
        Problem = problem;
        Line = line;
        Column = column;
        FilePath = filePath;
    }

    /// <summary>The problem without the position prefix.</summary>
    public string Problem { get; }

    /// <summary>1-based line of the problem.</summary>
    public int Line { get; }

    /// <summary>1-based column of the problem.</summary>
    public int Column { get; }

    /// <summary>The file the problem is in, when the text came from a file.</summary>
    public string? FilePath { get; }

    private static string FormatMessage(string problem, int line, int column, string? filePath) =>
        filePath is null
            ? $"line {line}, column {column}: {problem}"
            : $"{filePath}:{line}:{column}: {problem}";
}
