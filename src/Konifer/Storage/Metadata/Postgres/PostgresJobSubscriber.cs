using Konifer.Variants.Jobs;

namespace Konifer.Storage.Metadata.Postgres;

/// <summary>
/// Wakes this instance's job worker when any instance queues a job or hands one back (channel
/// <see cref="Channel"/>, migration 0011), so a worker takes it within a notification's delivery rather than at its
/// next poll. Polling stays: a notification lost while not listening only waits for the next poll, and listening
/// again wakes the worker once for whatever it missed.
/// </summary>
public sealed class PostgresJobSubscriber(GenerationJobSignal signal) : IPostgresChannelSubscriber
{
    public const string Channel = "konifer_jobs";

    string IPostgresChannelSubscriber.Channel => Channel;

    public void Listening() => signal.Nudge();

    public void Lost()
    {
        // Nothing to undo: the worker polls meanwhile.
    }

    public void Notified(string payload) => signal.Nudge();
}
