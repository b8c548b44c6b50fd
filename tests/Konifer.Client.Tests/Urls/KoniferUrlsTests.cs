using Konifer.Tests.TestSupport;

namespace Konifer.Client.Tests.Urls;

public sealed class KoniferUrlsTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public void Content_urls_name_the_path_the_selector_and_the_parameters()
    {
        var urls = new KoniferUrls(new Uri("https://img.example.com/"));
        Assert.Equal("https://img.example.com/assets/users/1/avatar/-/content", urls.Content("/users/1/avatar/").AbsoluteUri);
        Assert.Equal("https://img.example.com/assets/users/1/avatar/-/entry/3/content?w=64&format=webp&pad-c=%23ff000080",
            urls.Content("users/1/avatar", new ImageTransformation { Width = 64, Format = ImageFormat.Webp, PaddingColor = "#ff000080" }, EntrySelector.Entry(3)).AbsoluteUri);
    }

    [Fact]
    public void A_srcset_has_one_candidate_per_width_and_scales_a_box()
    {
        var urls = new KoniferUrls(new Uri("https://img.example.com"));
        var srcset = urls.Srcset("a", [640, 320, 640], new ImageTransformation { Width = 100, Height = 50, Fit = Fit.Crop });
        Assert.Equal(
            "https://img.example.com/assets/a/-/content?w=320&h=160&fit=crop 320w, https://img.example.com/assets/a/-/content?w=640&h=320&fit=crop 640w",
            srcset);
        Assert.Equal("https://img.example.com/assets/a/-/content?w=10 10w", urls.Srcset("a", [10], new ImageTransformation { Height = 99 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => urls.Srcset("a", [0]));
    }

    [Fact]
    public async Task Every_srcset_candidate_is_served_at_its_width()
    {
        var client = fixture.Client;
        await client.StoreAsync("urls/photo", new MemoryStream(TestImages.Gradient(200, 100)));
        var urls = new KoniferUrls(fixture.Server.BaseAddress);
        var candidates = urls.Srcset("urls/photo", [50, 120], new ImageTransformation { Format = ImageFormat.Webp }).Split(", ");

        foreach (var candidate in candidates)
        {
            var (url, descriptor) = (candidate.Split(' ')[0], candidate.Split(' ')[1]);
            var bytes = await fixture.Server.Client.GetByteArrayAsync(new Uri(url));
            var image = TestImages.Read(bytes);
            Assert.Equal("webpload", image.Loader);
            Assert.Equal(descriptor, $"{image.Width}w");
            Assert.Equal(image.Width / 2, image.Height);
        }
    }
}
