namespace Konifer.Paths;

/// <summary>
/// <c>search</c> of a path: whether its entries keep an image embedding and can be found by meaning
/// (<c>GET /assets/{path}/-/search</c>). Off by default: it needs the SigLIP2 model and costs a run of the image tower
/// per upload.
/// </summary>
/// <param name="Enabled"><c>search.enabled</c>; default false.</param>
public sealed record SearchSettings(bool Enabled)
{
    public static SearchSettings Disabled { get; } = new(false);
}
