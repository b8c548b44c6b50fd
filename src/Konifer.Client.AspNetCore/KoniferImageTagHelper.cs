using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Konifer.Client.AspNetCore;

/// <summary>
/// <c>&lt;konifer-img path="users/123/avatar" profile="card" widths="320,640,1280" sizes="(min-width: 40em) 50vw, 100vw" /&gt;</c>
/// renders an <c>&lt;img&gt;</c> with <c>src</c> (the largest width) and <c>srcset</c> built by
/// <see cref="ResponsiveImages"/> (signed when the client has a signing key), the delivered image's <c>width</c> and
/// <c>height</c> (so the page does not jump as it loads), the entry's alt text unless <c>alt</c> is given, and its
/// ThumbHash as a blurred background until the image arrives. One <c>link</c> request per render asks the server for
/// the size, alt and placeholder (the largest variant is generated then if it did not exist). A path without such an
/// entry renders nothing. Other attributes (<c>class</c>, <c>loading</c>, …) are kept; <c>loading="lazy"</c> and
/// <c>decoding="async"</c> are added unless given.
/// </summary>
[HtmlTargetElement("konifer-img", TagStructure = TagStructure.WithoutEndTag)]
public sealed class KoniferImageTagHelper(ResponsiveImages images) : TagHelper
{
    /// <summary>The asset path, without <c>/assets</c>.</summary>
    public string Path { get; set; } = "";

    /// <summary>A profile of the server's <c>variant-profiles</c>.</summary>
    public string? Profile { get; set; }

    /// <summary>Explicit parameters (override the profile's).</summary>
    public ImageTransformation? Transformation { get; set; }

    /// <summary>Comma-separated widths for <c>srcset</c>, e.g. <c>320,640,1280</c>.</summary>
    public string? Widths { get; set; }

    /// <summary>The <c>sizes</c> attribute, passed through.</summary>
    public string? Sizes { get; set; }

    /// <summary>An entry id; the newest entry when not given.</summary>
    public long? Entry { get; set; }

    /// <summary>Alt text; the entry's own when not given (empty when it has none).</summary>
    public string? Alt { get; set; }

    /// <summary>Whether to paint the ThumbHash placeholder (default true; the path must compute <c>thumbhash</c>).</summary>
    public bool Placeholder { get; set; } = true;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var transformation = Transformation ?? (Profile is null ? ImageTransformation.None : ImageTransformation.ForProfile(Profile));
        if (Profile is not null && Transformation is not null) transformation = transformation with { Profile = Profile };
        var entry = Entry is { } id ? EntrySelector.Entry(id) : (EntrySelector?)null;

        var image = await images.GetAsync(Path, ParseWidths(Widths), transformation, entry).ConfigureAwait(false);
        if (image is null)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "img";
        output.TagMode = TagMode.SelfClosing;
        output.Attributes.SetAttribute("src", image.Src.AbsoluteUri);
        if (image.Srcset.Length > 0) output.Attributes.SetAttribute("srcset", image.Srcset);
        if (Sizes is not null) output.Attributes.SetAttribute("sizes", Sizes);
        output.Attributes.SetAttribute("width", image.Width.ToString(CultureInfo.InvariantCulture));
        output.Attributes.SetAttribute("height", image.Height.ToString(CultureInfo.InvariantCulture));
        output.Attributes.SetAttribute("alt", Alt ?? image.Alt ?? "");
        if (!output.Attributes.ContainsName("loading")) output.Attributes.SetAttribute("loading", "lazy");
        if (!output.Attributes.ContainsName("decoding")) output.Attributes.SetAttribute("decoding", "async");
        if (Placeholder && image.Placeholder is { } placeholder)
        {
            var existing = output.Attributes.TryGetAttribute("style", out var style) ? style.Value?.ToString()?.TrimEnd(';', ' ') + ";" : "";
            output.Attributes.SetAttribute("style", $"{existing}background-size:cover;background-repeat:no-repeat;background-image:url({placeholder})");
        }
    }

    private static List<int> ParseWidths(string? widths)
    {
        var parsed = new List<int>();
        foreach (var part in (widths ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var width) || width < 1)
                throw new FormatException($"konifer-img widths must be positive whole numbers separated by commas, not '{part}'.");
            parsed.Add(width);
        }
        return parsed;
    }
}
