namespace Konifer.Client;

/// <summary>
/// What a delete removes: the newest entry (the default), the last modified, one entry by id, or every entry at the
/// path and below it (<see cref="Recursive"/>). A limit and label filters narrow the first two and the last.
/// </summary>
public readonly record struct DeleteSelector
{
    private DeleteSelector(string? segment) => Segment = segment;

    /// <summary>The selector as the URL writes it, or null for the default (no selector).</summary>
    public string? Segment { get; }

    public static DeleteSelector Newest { get; } = new(null);

    public static DeleteSelector LastModified { get; } = new("modified");

    public static DeleteSelector Recursive { get; } = new("recursive");

    public static DeleteSelector Entry(long entryId)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(entryId);
        return new($"entry/{entryId}");
    }

    public override string ToString() => Segment ?? "new";
}
