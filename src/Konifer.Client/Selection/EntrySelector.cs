namespace Konifer.Client;

/// <summary>Which entry of a path a fetch answers: the newest (the default), the last modified, or one by its id.</summary>
public readonly record struct EntrySelector
{
    private EntrySelector(string segment) => Segment = segment;

    /// <summary>The selector as the URL writes it (<c>new</c>, <c>modified</c>, <c>entry/7</c>).</summary>
    public string Segment { get; }

    public static EntrySelector Newest { get; } = new("new");

    public static EntrySelector LastModified { get; } = new("modified");

    public static EntrySelector Entry(long entryId)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(entryId);
        return new($"entry/{entryId}");
    }

    public override string ToString() => Segment;
}
