namespace Konifer.Client;

/// <summary>How an entries listing is ordered: newest first, or last modified first (ties by entry id).</summary>
public enum EntryOrder
{
    Newest,
    LastModified,
}
