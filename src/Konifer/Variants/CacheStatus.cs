namespace Konifer.Variants;

/// <summary>Whether a served variant already existed (<c>hit</c>) or was generated for this request (<c>miss</c>).</summary>
public enum CacheStatus
{
    Hit,
    Miss,
}
