namespace Konifer.Core.Storage;

/// <summary>Wakes the object deletion worker now instead of at its next poll, e.g. right after a delete request.</summary>
public interface IObjectDeletionSignal
{
    void Nudge();
}
