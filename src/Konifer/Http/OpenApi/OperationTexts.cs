namespace Konifer.Http.OpenApi;

/// <summary>
/// The descriptions of the asset operations in the API document. The route is a catch-all, so what OpenAPI shows as
/// one <c>{rest}</c> parameter is explained here: the asset path, then optional selectors after <c>/-/</c>.
/// </summary>
internal static class OperationTexts
{
    public const string Rest =
        "Everything after /assets/: the asset path (case-sensitive segments of letters, digits and _~!$'()*+=@-; e.g. users/123/avatar), " +
        "optionally followed by /-/ and selectors. Slashes are part of the value; do not encode them.";

    public const string Fetch =
        "Reads the asset at the path. Selectors after /-/: [new|modified][/link|info|content|download|redirect|entries] or " +
        "entry/{id}[/link|info|content|download|redirect]. Without selectors the newest entry is answered as a link. " +
        "link: JSON with the URL of the (transformed) variant; info: the asset JSON; entries: every matching entry " +
        "(limit, label filters); content: the image bytes (200, or 304 on a matching If-None-Match/If-Modified-Since); " +
        "download: the bytes as an attachment; redirect: 307 to the variant's URL. Transformation parameters (w, h, fit, …) " +
        "apply to link, content, download and redirect; any other query key filters on a label (write label:key when the " +
        "key is a reserved word). Reads carry Cache-Control, ETag and, for content, K-Cache-Status (hit|miss). When URL " +
        "signing is configured, reads need the signature parameter s. Examples: GET /assets/users/123/avatar/-/content?w=400&format=webp, " +
        "GET /assets/users/123/avatar/-/entry/7/info. The older selector words created and metadata are accepted. " +
        "search (paths with search.enabled): {\"results\":[{path, score, …info}]}, the entries at the path and below most " +
        "similar first to q=<text> or to similar-to=<entry id> of the path, at most limit (default 20, max 100).";

    public const string Store =
        "Stores a new entry at the path (no selectors, no query). Either multipart/form-data with a 'metadata' part " +
        "(JSON: alt, labels, tags) and an 'asset' part (the image bytes), or application/json naming an external source " +
        "(source.http.url or source.s3.arn; url is the older spelling of source.http.url). Answers 201 with the asset " +
        "JSON and Location: the entry's URL (…/-/entry/{id}).";

    public const string Update =
        "Replaces alt, labels and tags of one entry: PUT /assets/{path}/-/entry/{id} with application/json. " +
        "The content is immutable (url is refused). Answers the updated asset JSON.";

    public const string Delete =
        "Deletes entries at the path. Selectors after /-/: none or new (the newest entry), modified (the most recently " +
        "modified), entry/{id}, or recursive (every entry at this path and below). limit and label filters narrow " +
        "the match (limit not with recursive). Answers 204 whether or not anything matched.";
}
