namespace Konifer.Assets;

/// <summary>What a fetch answers with: a link to the content, the entries' information, the bytes, or a redirect to them.</summary>
public enum ReturnFormat
{
    Link,
    Info,
    Content,
    Download,
    Redirect,
}
