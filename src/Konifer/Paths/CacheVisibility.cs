namespace Konifer.Paths;

/// <summary><c>cache-control.visibility</c>.</summary>
public enum CacheVisibility
{
    Public,
    Private,
}
