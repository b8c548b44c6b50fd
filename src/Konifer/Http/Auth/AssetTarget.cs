using Konifer.Core.Assets;
using Konifer.Http.Selectors;

namespace Konifer.Http.Auth;

/// <summary>
/// What an authorized request acts on: its asset path, and whether a delete reaches every path below it. Null path:
/// the request has none (rule evaluation) or it does not parse (the endpoint then answers 400 and does nothing).
/// </summary>
public sealed record AssetTarget(AssetPath? Path, bool Recursive)
{
    public static AssetTarget Of(object? resource)
    {
        switch (resource)
        {
            case AssetPath path:
                return new AssetTarget(path, false);
            case AssetTarget target:
                return target;
            case HttpContext context when context.Request.RouteValues.TryGetValue("rest", out var rest):
                try
                {
                    var route = AssetRoute.Parse(rest as string);
                    var recursive = HttpMethods.IsDelete(context.Request.Method) && IsRecursive(route);
                    return new AssetTarget(route.Path, recursive);
                }
                catch (BadRequestException)
                {
                    return new AssetTarget(null, false);
                }
            default:
                return new AssetTarget(null, false);
        }
    }

    private static bool IsRecursive(AssetRoute route)
    {
        try
        {
            return DeleteSelectors.Parse(route.Selectors).Recursive;
        }
        catch (BadRequestException)
        {
            return false;
        }
    }

    /// <summary>" for /users/1" (" and every path below it" when recursive), or nothing without a path.</summary>
    public string Describe() => Path is null ? "" : Recursive ? $" for {Path.Value} and every path below it" : $" for {Path.Value}";
}
