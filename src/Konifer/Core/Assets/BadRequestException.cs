namespace Konifer.Core.Assets;

/// <summary>
/// A request the client must change: answered with 400 and this message. In Core, not Http, because use cases refuse
/// requests too (a fetch's <c>limit</c> without <c>info</c>), not only the parsers of the HTTP layer.
/// </summary>
public sealed class BadRequestException(string message) : Exception(message);
