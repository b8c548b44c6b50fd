namespace Konifer.Http.Uploads;

public sealed class UnsupportedMediaTypeException(string message) : Exception(message);
