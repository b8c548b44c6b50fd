namespace Konifer.Http.Uploads;

public sealed class PayloadTooLargeException(string message) : Exception(message);
