namespace Konifer.Assets;

/// <summary>
/// What a fetch answers with: a link to the content, one entry's information, the bytes, a redirect to them, or the
/// information of several entries (the only format that may select more than one).
/// </summary>
public enum ReturnFormat
{
    Link,
    Info,
    Content,
    Download,
    Redirect,
    Entries,
}
