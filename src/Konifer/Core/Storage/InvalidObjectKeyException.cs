namespace Konifer.Core.Storage;

/// <summary>A bucket or key that would escape the store's namespace (e.g. <c>..</c> or an absolute path).</summary>
public sealed class InvalidObjectKeyException(string message) : Exception(message);
