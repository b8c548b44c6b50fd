namespace Konifer.Hocon;

/// <summary>A place in a HOCON source, used for error messages.</summary>
internal readonly record struct HoconPosition(int Line, int Column, string? FilePath)
{
    public HoconException Error(string problem) => new(problem, Line, Column, FilePath);

    public string Describe() => $"line {Line}, column {Column}";
}
