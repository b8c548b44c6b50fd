namespace Konifer.Storage.Metadata.Postgres;

/// <summary>
/// A consumer of one NOTIFY channel, fed by <see cref="PostgresNotificationListener"/> so that every consumer of the
/// instance shares its one listening connection. Called on the listener's task: keep each call short.
/// </summary>
public interface IPostgresChannelSubscriber
{
    string Channel { get; }

    /// <summary>LISTEN took effect: from now on every notification arrives; anything sent before may have been missed.</summary>
    void Listening();

    /// <summary>The connection is gone: nothing arrives until <see cref="Listening"/> again.</summary>
    void Lost();

    void Notified(string payload);
}
