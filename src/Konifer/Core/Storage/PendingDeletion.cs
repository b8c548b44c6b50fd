namespace Konifer.Core.Storage;

/// <summary>An object whose record is gone and whose bytes still have to be removed from the object store.</summary>
public sealed record PendingDeletion(long Id, ObjectLocation Location, int Attempts);
