using System.Net;
using Konifer.Tests.TestSupport;

namespace Konifer.Client.Tests;

/// <summary>Every call of the client against the real server: what it sends is what the server understands, what it reads is what the server answers.</summary>
public sealed class KoniferClientTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly KoniferClient _client = fixture.Client;

    [Fact]
    public async Task Stores_fetches_lists_updates_and_deletes_entries()
    {
        var first = await _client.StoreAsync("/client/walk", new MemoryStream(TestImages.Gradient(64, 48)),
            new AssetMetadata { Alt = "first", Labels = new Dictionary<string, string> { ["phone"] = "iphone" }, Tags = ["a", "b"] });
        Assert.Equal(0, first.EntryId);
        Assert.Equal("first", first.Alt);
        Assert.Equal("iphone", first.Labels["phone"]);
        Assert.Equal(["a", "b"], first.Tags);
        Assert.Equal("upload", first.Source);
        Assert.Equal((64, 48, "png"), (first.Original.Attributes.Width, first.Original.Attributes.Height, first.Original.Attributes.Format));

        var file = Path.Combine(fixture.Server.Directory, "second.jpg");
        await File.WriteAllBytesAsync(file, TestImages.Gradient(30, 40, ".jpg"));
        var second = await _client.StoreFileAsync("client/walk", file, new AssetMetadata { Alt = "second" });
        Assert.Equal(1, second.EntryId);
        Assert.Equal("jpg", second.Original.Attributes.Format);

        Assert.Equal(1, (await _client.GetInfoAsync("client/walk"))!.EntryId);
        Assert.Equal("first", (await _client.GetInfoAsync("client/walk", EntrySelector.Entry(0)))!.Alt);
        Assert.Null(await _client.GetInfoAsync("client/walk", EntrySelector.Entry(7)));
        Assert.Null(await _client.GetInfoAsync("client/nothing-here"));

        var entries = await _client.ListEntriesAsync("client/walk");
        Assert.Equal([1L, 0L], entries.Select(e => e.EntryId));

        var updated = await _client.UpdateAsync("client/walk", 0, new AssetMetadata { Alt = "renamed", Tags = ["c"] });
        Assert.Equal("renamed", updated.Alt);
        Assert.Equal(["c"], updated.Tags);
        Assert.Empty(updated.Labels); // a PUT replaces: labels not given are cleared
        Assert.Equal(0, (await _client.ListEntriesAsync("client/walk", EntryOrder.LastModified))[0].EntryId);
        var missing = await Assert.ThrowsAsync<KoniferNotFoundException>(() => _client.UpdateAsync("client/walk", 9, new AssetMetadata()));
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);

        await _client.DeleteAsync("client/walk", DeleteSelector.Entry(1));
        Assert.Equal([0L], (await _client.ListEntriesAsync("client/walk")).Select(e => e.EntryId));
        await _client.DeleteAsync("client/walk"); // the newest
        Assert.Null(await _client.GetInfoAsync("client/walk"));
        await _client.DeleteAsync("client/walk"); // nothing left: still fine
    }

    [Fact]
    public async Task Links_and_content_deliver_the_transformed_variant_with_its_headers()
    {
        await _client.StoreAsync("client/variant", new MemoryStream(TestImages.Gradient(64, 48)), new AssetMetadata { Alt = "Café & l'été 100%" });
        var transformation = new ImageTransformation { Width = 32, Format = ImageFormat.Webp, Quality = 70 };

        var link = await _client.GetLinkAsync("client/variant", transformation);
        Assert.NotNull(link);
        Assert.True(link.Url.IsAbsoluteUri);
        Assert.Equal((32, 24, "webp"), (link.Attributes.Width, link.Attributes.Height, link.Attributes.Format));
        Assert.Equal("Café & l'été 100%", link.Alt);

        await using (var content = await _client.GetContentAsync("client/variant", transformation))
        {
            Assert.NotNull(content);
            Assert.Equal("image/webp", content.ContentType);
            Assert.Equal("hit", content.CacheStatus); // the link generated it
            Assert.Equal("Café & l'été 100%", content.Alt); // K-Alt, percent-decoded
            Assert.NotNull(content.ETag);
            using var bytes = new MemoryStream();
            await content.Content.CopyToAsync(bytes);
            Assert.Equal(content.Length, bytes.Length);
            Assert.Equal(new ImageInfo("webpload", 32, 24), TestImages.Read(bytes.ToArray()));
        }

        // The canonical transformation the server stored is the one asked for.
        var variant = Assert.Single((await _client.GetInfoAsync("client/variant"))!.Variants, v => !v.IsOriginalVariant);
        Assert.Equal((32, 24, "webp", 70), (variant.Transformation!.Width, variant.Transformation.Height, variant.Transformation.Format, variant.Transformation.Quality));

        // A profile by name.
        await using var thumb = await _client.GetContentAsync("client/variant", ImageTransformation.ForProfile("thumb"));
        using var thumbBytes = new MemoryStream();
        await thumb!.Content.CopyToAsync(thumbBytes);
        Assert.Equal(new ImageInfo("webpload", 20, 20), TestImages.Read(thumbBytes.ToArray()));

        Assert.Null(await _client.GetContentAsync("client/none"));
        Assert.Null(await _client.GetLinkAsync("client/none"));
    }

    [Fact]
    public async Task Every_transformation_word_is_one_the_server_understands()
    {
        await _client.StoreAsync("client/words", new MemoryStream(TestImages.Gradient(40, 30)));
        var cases = new (ImageTransformation Asked, Func<TransformationInfo, bool> Stored)[]
        {
            (new() { Width = 20, Height = 20, Fit = Fit.Fill }, t => t.Fit == "fill"),
            (new() { Width = 20, Height = 20, Fit = Fit.Stretch }, t => t.Fit == "stretch"),
            (new() { Width = 20, Height = 20, Fit = Fit.Crop, Gravity = Gravity.Attention }, t => t.Fit == "crop" && t.Gravity == "attention"),
            (new() { Width = 20, Height = 20, Fit = Fit.Crop, Gravity = Gravity.Entropy }, t => t.Gravity == "entropy"),
            (new() { Rotate = Rotation.Ninety }, t => t.Rotate == "ninety"),
            (new() { Rotate = Rotation.TwoHundredSeventy, Flip = Flip.Horizontal }, t => t.Rotate == "two_hundred_seventy" && t.Flip == "h"),
            (new() { Flip = Flip.Vertical }, t => t.Rotate == "one_hundred_eighty" && t.Flip == "h"), // the server's canonical form of f=v
            (new() { Filter = Filter.BlackWhite }, t => t.Filter == "black_white"),
            (new() { Filter = Filter.Sepia }, t => t.Filter == "sepia"),
            (new() { Blur = 3 }, t => t.Blur == 3),
            (new() { Padding = 2, PaddingColor = "#ff0000" }, t => t.Padding.Amount == 2 && t.Padding.Color.SequenceEqual([255, 0, 0, 255])),
            (new() { Format = ImageFormat.Jpg, Strip = MetadataStrip.Exif | MetadataStrip.Xmp }, t => t.Strip.SequenceEqual(["exif", "xmp"])),
            (new() { ColorSpace = ColorSpace.Grayscale }, t => t.ColorSpace == "grayscale"),
            (new() { Format = ImageFormat.Gif }, t => t.Format == "gif"),
            (new() { Format = ImageFormat.Png, Width = 10 }, t => t.Format == "png" && t.Width == 10),
        };
        foreach (var (asked, stored) in cases)
        {
            var link = await _client.GetLinkAsync("client/words", asked);
            Assert.NotNull(link);
            var info = await _client.GetInfoAsync("client/words");
            Assert.Contains(info!.Variants, v => v.Transformation is { } t && stored(t));
        }
    }

    [Fact]
    public async Task Label_filters_select_entries_even_when_a_label_is_named_like_a_parameter()
    {
        await _client.StoreAsync("client/labels", new MemoryStream(TestImages.Gradient(8, 8)),
            new AssetMetadata { Alt = "iphone", Labels = new Dictionary<string, string> { ["phone"] = "iphone", ["w"] = "wide" } });
        await _client.StoreAsync("client/labels", new MemoryStream(TestImages.Gradient(8, 8)),
            new AssetMetadata { Alt = "android", Labels = new Dictionary<string, string> { ["phone"] = "android" } });

        Assert.Equal("iphone", (await _client.GetInfoAsync("client/labels", filter: AssetFilter.Label("phone", "iphone")))!.Alt);
        Assert.Equal("iphone", (await _client.GetInfoAsync("client/labels", filter: AssetFilter.Label("w", "wide")))!.Alt);
        Assert.Null(await _client.GetInfoAsync("client/labels", filter: AssetFilter.Label("phone", "nokia")));
        Assert.Single(await _client.ListEntriesAsync("client/labels", filter: new AssetFilter { Limit = 1 }));

        await _client.DeleteAsync("client/labels", DeleteSelector.Newest, AssetFilter.Label("phone", "iphone"));
        Assert.Equal(["android"], (await _client.ListEntriesAsync("client/labels")).Select(e => e.Alt));
    }

    [Fact]
    public async Task A_recursive_delete_removes_every_path_below()
    {
        await _client.StoreAsync("client/tree/a", new MemoryStream(TestImages.Gradient(8, 8)));
        await _client.StoreAsync("client/tree/b/c", new MemoryStream(TestImages.Gradient(8, 8)));
        await _client.DeleteAsync("client/tree", DeleteSelector.Recursive);
        Assert.Null(await _client.GetInfoAsync("client/tree/a"));
        Assert.Null(await _client.GetInfoAsync("client/tree/b/c"));
    }

    [Fact]
    public async Task An_upload_from_a_stream_that_cannot_seek_is_streamed()
    {
        var image = TestImages.Gradient(50, 20);
        await using var pipe = new ForwardOnlyStream(image);
        var stored = await _client.StoreAsync("client/stream", pipe, fileName: "x.png");
        Assert.Equal((50, 20), (stored.Original.Attributes.Width, stored.Original.Attributes.Height));
        await using var back = await _client.GetContentAsync("client/stream");
        using var bytes = new MemoryStream();
        await back!.Content.CopyToAsync(bytes);
        Assert.Equal(image, bytes.ToArray());
    }

    [Fact]
    public async Task The_redirect_target_is_read_whether_or_not_the_handler_follows_redirects()
    {
        await _client.StoreAsync("client/redirect", new MemoryStream(TestImages.Gradient(16, 16)));
        var transformation = new ImageTransformation { Width = 8 };
        var followed = await _client.GetRedirectTargetAsync("client/redirect", transformation);

        using var notFollowing = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Server.BaseAddress };
        var read = await new KoniferClient(notFollowing).GetRedirectTargetAsync("client/redirect", transformation);

        Assert.NotNull(read);
        Assert.Equal(read, followed);
        // The canonical variant's URL: the entry pinned, the size and format spelled out.
        Assert.StartsWith("/assets/client/redirect/-/entry/0/content?w=8&h=8", read.PathAndQuery, StringComparison.Ordinal);
        Assert.Null(await _client.GetRedirectTargetAsync("client/none"));
    }

    [Fact]
    public async Task Server_errors_become_typed_exceptions_with_the_servers_message()
    {
        var notAnImage = await Assert.ThrowsAsync<KoniferRequestException>(() =>
            _client.StoreAsync("client/errors", new MemoryStream("hello"u8.ToArray())));
        Assert.Equal(HttpStatusCode.BadRequest, notAnImage.Status);
        Assert.False(string.IsNullOrWhiteSpace(notAnImage.Message));

        await _client.StoreAsync("client/errors", new MemoryStream(TestImages.Gradient(8, 8)));
        var badWidth = await Assert.ThrowsAsync<KoniferRequestException>(() => _client.GetLinkAsync("client/errors", new ImageTransformation { Width = 0 }));
        Assert.Contains("w", badWidth.Message, StringComparison.Ordinal);

        var badLimit = await Assert.ThrowsAsync<KoniferRequestException>(() =>
            _client.ListEntriesAsync("client/errors", filter: new AssetFilter { Limit = 0 }));
        Assert.Equal("Invalid limit", badLimit.Message);

        await Assert.ThrowsAsync<ArgumentException>(() => _client.GetInfoAsync("client/x?y"));
        await Assert.ThrowsAsync<ArgumentException>(() => _client.GetInfoAsync("/"));
    }

    /// <summary>A stream that can only be read forward, like a network body: its length is unknown to the sender.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, Math.Min(count, 7));
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
