namespace Konifer.Paths;

/// <summary>One block of the <c>paths</c> configuration: the pattern it is configured for and what it sets.</summary>
public sealed record PathRule(PathPattern Pattern, PathSettings Settings);
