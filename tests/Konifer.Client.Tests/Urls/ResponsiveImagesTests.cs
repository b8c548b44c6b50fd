using Konifer.Tests.TestSupport;
using NetVips;

namespace Konifer.Client.Tests.Urls;

public sealed class ResponsiveImagesTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task An_entry_becomes_src_srcset_size_alt_and_placeholder()
    {
        await fixture.Client.StoreAsync("lqip/card", new MemoryStream(TestImages.Gradient(300, 150)), new AssetMetadata { Alt = "card" });
        var images = new ResponsiveImages(fixture.Client, new KoniferUrls(fixture.Server.BaseAddress));

        var image = await images.GetAsync("lqip/card", [150, 60], new ImageTransformation { Width = 10, Height = 5, Fit = Fit.Fill });

        Assert.NotNull(image);
        Assert.EndsWith("/assets/lqip/card/-/content?w=150&h=75&fit=fill", image.Src.AbsoluteUri, StringComparison.Ordinal);
        Assert.EndsWith("?w=60&h=30&fit=fill 60w", image.Srcset.Split(", ")[0], StringComparison.Ordinal);
        Assert.Equal((150, 75, "card"), (image.Width, image.Height, image.Alt));
        Assert.StartsWith("data:image/png;base64,", image.Placeholder, StringComparison.Ordinal);
        using var placeholder = Image.NewFromBuffer(Convert.FromBase64String(image.Placeholder!["data:image/png;base64,".Length..]));
        Assert.True(placeholder.Width > placeholder.Height);

        var single = await images.GetAsync("lqip/card");
        Assert.Equal(("", 300, 150), (single!.Srcset, single.Width, single.Height));
        Assert.Null(await images.GetAsync("lqip/missing", [100]));
    }
}
