namespace Konifer.Storage;

/// <summary>
/// A store cannot be used at start-up (unreachable past its start-up timeout, a missing bucket or extension, refused
/// credentials); the message names the store, the setting to look at and the cause, for one line on stderr.
/// </summary>
public class StoreStartupException : Exception
{
    public StoreStartupException(string message) : base(message) { }

    public StoreStartupException(string message, Exception innerException) : base(message, innerException) { }
}
