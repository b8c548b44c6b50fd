namespace Konifer.Http.Responses;

public sealed record HealthResponse(string Status);
