using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Konifer.Client.AspNetCore;
using Konifer.Tests.TestSupport;
using Microsoft.AspNetCore.Razor.TagHelpers;
using NetVips;

namespace Konifer.Client.Tests.AspNetCore;

public sealed partial class KoniferImageTagHelperTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Renders_a_responsive_img_with_size_alt_and_a_thumbhash_placeholder_whose_urls_the_server_serves()
    {
        var client = fixture.Client;
        await client.StoreAsync("lqip/hero", new MemoryStream(TestImages.Gradient(400, 200)), new AssetMetadata { Alt = "A \"quoted\" hero" });
        var helper = new KoniferImageTagHelper(new ResponsiveImages(client, new KoniferUrls(fixture.Server.BaseAddress)))
        {
            Path = "lqip/hero",
            Transformation = new ImageTransformation { Format = ImageFormat.Webp },
            Widths = "200, 100",
            Sizes = "50vw",
        };

        var html = await RenderAsync(helper, ("class", "hero"), ("loading", "eager"));

        Assert.StartsWith("<img ", html, StringComparison.Ordinal);
        var attributes = Attributes(html);
        Assert.Equal("hero", attributes["class"]);
        Assert.Equal("eager", attributes["loading"]); // given: kept
        Assert.Equal("async", attributes["decoding"]);
        Assert.Equal("A \"quoted\" hero", attributes["alt"]);
        Assert.Equal(("200", "100"), (attributes["width"], attributes["height"]));
        Assert.Equal("50vw", attributes["sizes"]);

        // Every URL is one the server answers with an image of the promised width.
        var srcset = attributes["srcset"].Split(", ").Select(c => c.Split(' ')).ToArray();
        Assert.Equal(["100w", "200w"], srcset.Select(c => c[1]));
        foreach (var url in srcset.Select(c => c[0]).Append(attributes["src"]))
        {
            var image = TestImages.Read(await fixture.Server.Client.GetByteArrayAsync(new Uri(url)));
            Assert.Equal("webpload", image.Loader);
            Assert.Contains($"{image.Width}w", srcset.Select(c => c[1]));
        }
        Assert.Equal(200, TestImages.Read(await fixture.Server.Client.GetByteArrayAsync(new Uri(attributes["src"]))).Width);

        // The placeholder is a PNG of the ThumbHash: small, in the image's aspect, in its colours (a grey gradient).
        var match = PlaceholderPattern().Match(attributes["style"]);
        Assert.True(match.Success, attributes["style"]);
        using var placeholder = Image.NewFromBuffer(Convert.FromBase64String(match.Groups[1].Value));
        Assert.Equal("pngload_buffer", (string)placeholder.Get("vips-loader"));
        Assert.InRange(placeholder.Width, 2 * placeholder.Height - 4, 2 * placeholder.Height + 4);
        Assert.True(placeholder.Width <= 32);
        Assert.Equal(4, placeholder.Bands);
    }

    [Fact]
    public async Task A_path_without_an_entry_renders_nothing_and_the_given_alt_wins()
    {
        var client = fixture.Client;
        var urls = new KoniferUrls(fixture.Server.BaseAddress);
        Assert.Equal("", await RenderAsync(new KoniferImageTagHelper(new ResponsiveImages(client, urls)) { Path = "lqip/none" }));

        await client.StoreAsync("plain/photo", new MemoryStream(TestImages.Gradient(30, 20)), new AssetMetadata { Alt = "stored" });
        var html = await RenderAsync(new KoniferImageTagHelper(new ResponsiveImages(client, urls)) { Path = "plain/photo", Profile = "thumb", Alt = "given" });
        var attributes = Attributes(html);
        Assert.Equal("given", attributes["alt"]);
        Assert.Equal(("20", "20"), (attributes["width"], attributes["height"]));
        Assert.EndsWith("/assets/plain/photo/-/content?profile=thumb", attributes["src"], StringComparison.Ordinal);
        Assert.False(attributes.ContainsKey("srcset"));
        Assert.False(attributes.ContainsKey("style")); // the path computes no placeholder
    }

    [Fact]
    public async Task Widths_that_are_not_numbers_are_refused_with_their_text()
    {
        var helper = new KoniferImageTagHelper(new ResponsiveImages(fixture.Client, new KoniferUrls(fixture.Server.BaseAddress))) { Path = "a", Widths = "320,big" };
        var error = await Assert.ThrowsAsync<FormatException>(() => RenderAsync(helper));
        Assert.Contains("'big'", error.Message, StringComparison.Ordinal);
    }

    private static async Task<string> RenderAsync(TagHelper helper, params (string Name, string Value)[] attributes)
    {
        var list = new TagHelperAttributeList();
        foreach (var (name, value) in attributes) list.Add(name, value);
        var context = new TagHelperContext(list, new Dictionary<object, object>(), "test");
        var output = new TagHelperOutput("konifer-img", new TagHelperAttributeList(list),
            (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent()));
        await helper.ProcessAsync(context, output);
        await using var writer = new StringWriter();
        output.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }

    private static Dictionary<string, string> Attributes(string html) =>
        AttributePattern().Matches(html).ToDictionary(m => m.Groups[1].Value, m => System.Net.WebUtility.HtmlDecode(m.Groups[2].Value));

    [GeneratedRegex("""([a-z-]+)="([^"]*)" """ + "?")]
    private static partial Regex AttributePattern();

    [GeneratedRegex(@"url\(data:image/png;base64,([A-Za-z0-9+/=]+)\)")]
    private static partial Regex PlaceholderPattern();
}
