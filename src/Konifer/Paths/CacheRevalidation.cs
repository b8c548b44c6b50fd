namespace Konifer.Paths;

/// <summary><c>cache-control.revalidate</c>.</summary>
public enum CacheRevalidation
{
    MustRevalidate,
    ProxyRevalidate,
    NoCache,
}
