using Konifer.Core.Images;
using Konifer.Transformations;

namespace Konifer.Tests.Transformations;

public class ContentNegotiationTests
{
    [Theory]
    [InlineData(null, ImageFormat.Jpeg)]
    [InlineData("", ImageFormat.Jpeg)]
    [InlineData("   ", ImageFormat.Jpeg)]
    [InlineData("image/*", ImageFormat.Jpeg)]
    [InlineData("*/*", ImageFormat.Jpeg)]
    [InlineData("image/webp", ImageFormat.Webp)]
    [InlineData("IMAGE/AVIF", ImageFormat.Avif)]
    [InlineData("image/png;q=0.5, image/webp;q=0.9", ImageFormat.Webp)]
    [InlineData("image/png;q=0.5, image/*;q=0.9", ImageFormat.Jpeg)]
    [InlineData("image/png, image/*;q=0.9", ImageFormat.Png)]
    [InlineData("image/jpeg, image/webp", ImageFormat.Jpeg)]
    [InlineData("image/webp, image/jpeg", ImageFormat.Webp)]
    [InlineData("text/html, image/svg+xml, image/gif;q=0.1", ImageFormat.Gif)]
    [InlineData("image/jxl;q=0.8, image/heif;q=0.9", ImageFormat.Heic)]
    [InlineData("image/jpg;q=0.2, image/png;q=0.1", ImageFormat.Jpeg)]
    public void The_heaviest_producible_format_wins(string? accept, ImageFormat expected)
    {
        Assert.Equal(expected, ContentNegotiation.Choose(accept, ImageFormat.Jpeg));
    }

    [Fact]
    public void A_browser_header_gets_the_first_modern_format_it_names()
    {
        const string chrome = "image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8";
        const string safari = "image/webp,image/avif,image/jxl,image/heic,image/heic-sequence,video/*;q=0.8,image/png,image/svg+xml,image/*;q=0.8,*/*;q=0.5";

        Assert.Equal(ImageFormat.Avif, ContentNegotiation.Choose(chrome, ImageFormat.Jpeg));
        Assert.Equal(ImageFormat.Webp, ContentNegotiation.Choose(safari, ImageFormat.Png));
    }

    [Fact]
    public void Zero_weight_excludes_a_format_even_under_a_wildcard()
    {
        Assert.Equal(ImageFormat.Png, ContentNegotiation.Choose("image/*, image/jpeg;q=0", ImageFormat.Jpeg));
        Assert.Equal(ImageFormat.Jpeg, ContentNegotiation.Choose("image/webp;q=0, */*", ImageFormat.Jpeg));
        Assert.Equal(ImageFormat.Gif, ContentNegotiation.Choose("image/gif;q=0.3, image/jpeg;q=0", ImageFormat.Jpeg));
    }

    [Fact]
    public void The_most_specific_range_sets_the_weight()
    {
        // image/* gives 0.1, the explicit type lifts webp above the original that only the wildcard reaches.
        Assert.Equal(ImageFormat.Webp, ContentNegotiation.Choose("image/*;q=0.1, image/webp;q=0.5", ImageFormat.Png));
        // */* is less specific than image/*: png keeps image/*'s 0.2 and loses to avif.
        Assert.Equal(ImageFormat.Avif, ContentNegotiation.Choose("*/*;q=0.9, image/*;q=0.2, image/avif;q=0.3", ImageFormat.Png));
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("image/svg+xml, application/json")]
    [InlineData("image/*;q=0")]
    [InlineData("image/webp;q=0, image/png;q=0")]
    public void Nothing_acceptable_is_a_bad_request_that_says_so(string accept)
    {
        var error = Assert.Throws<InvalidTransformationException>(() => ContentNegotiation.Choose(accept, ImageFormat.Png));

        Assert.Equal("Accept", error.Parameter);
        Assert.StartsWith("No acceptable image format (400 Bad Request): the Accept header '" + accept + "'", error.Message);
        Assert.Contains("image/jpeg, image/png, image/webp, image/avif, image/jxl, image/heic, image/gif", error.Message);
        Assert.EndsWith("or name one with the format parameter.", error.Message);
    }

    [Fact]
    public void Unreadable_elements_are_skipped_and_a_header_with_none_readable_is_ignored()
    {
        Assert.Equal(ImageFormat.Webp, ContentNegotiation.Choose("garbage;;, image/webp", ImageFormat.Jpeg));
        Assert.Equal(ImageFormat.Jpeg, ContentNegotiation.Choose("@@@", ImageFormat.Jpeg));
    }

    [Fact]
    public void Quoted_commas_do_not_split_a_range()
    {
        Assert.Equal(ImageFormat.Gif, ContentNegotiation.Choose("image/gif;x=\"a,image/webp\"", ImageFormat.Jpeg));
    }

    [Fact]
    public void Only_the_offered_formats_are_candidates()
    {
        Assert.Equal(ImageFormat.Webp, ContentNegotiation.Choose("image/avif, image/webp;q=0.5", ImageFormat.Jpeg, [ImageFormat.Webp, ImageFormat.Png]));
        Assert.Throws<InvalidTransformationException>(() => ContentNegotiation.Choose("image/avif", ImageFormat.Jpeg, [ImageFormat.Webp]));
    }
}
