using Konifer.Core.Images;

namespace Konifer.Http.Responses;

/// <summary>The <c>link</c> return format: an absolute URL to the content, with the placeholder and alt text.</summary>
public sealed record LinkResponse(string Url, LqipResponse Lqip, string? Alt);
