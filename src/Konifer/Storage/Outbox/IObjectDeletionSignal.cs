namespace Konifer.Storage.Outbox;

/// <summary>Wakes the deletion worker so that freshly deleted content goes without waiting for the next poll.</summary>
public interface IObjectDeletionSignal
{
    void Signal();
}
