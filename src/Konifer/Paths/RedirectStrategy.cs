namespace Konifer.Paths;

/// <summary><c>return-format.redirect.strategy</c>.</summary>
public enum RedirectStrategy
{
    /// <summary>No redirect (the default).</summary>
    None,

    /// <summary>Redirect to a presigned object-store URL.</summary>
    Presigned,

    /// <summary>Redirect to a URL built from <c>template.string</c>.</summary>
    Template,
}
