namespace Konifer.Http.Selectors;

public enum ReturnFormat
{
    Link,
    Info,
    Content,
    Download,
    Redirect,
}
