using Konifer.Assets;
using Konifer.Core.Assets;
using Konifer.Http.Selectors;

namespace Konifer.Tests.Http.Selectors;

public class FetchSelectorsTests
{
    [Theory]
    [InlineData("", AssetOrder.New, null, ReturnFormat.Link)]
    [InlineData("content", AssetOrder.New, null, ReturnFormat.Content)]
    [InlineData("INFO", AssetOrder.New, null, ReturnFormat.Info)]
    [InlineData("metadata", AssetOrder.New, null, ReturnFormat.Info)]
    [InlineData("modified", AssetOrder.Modified, null, ReturnFormat.Link)]
    [InlineData("created/download", AssetOrder.New, null, ReturnFormat.Download)]
    [InlineData("modified/redirect", AssetOrder.Modified, null, ReturnFormat.Redirect)]
    [InlineData("entry/12", AssetOrder.New, 12L, ReturnFormat.Link)]
    [InlineData("Entry/0/Content", AssetOrder.New, 0L, ReturnFormat.Content)]
    [InlineData("entries", AssetOrder.New, null, ReturnFormat.Entries)]
    [InlineData("Modified/Entries", AssetOrder.Modified, null, ReturnFormat.Entries)]
    [InlineData("entry/3/entries", AssetOrder.New, 3L, ReturnFormat.Entries)] // refused by the use case, with the reference's message
    public void Parses_the_grammar(string selectors, AssetOrder order, long? entry, ReturnFormat format)
    {
        var parsed = FetchSelectors.Parse(selectors.Split('/', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(new FetchSelectors(order, entry, format), parsed);
    }

    [Theory]
    [InlineData("content/new")]
    [InlineData("entry")]
    [InlineData("entry/-1")]
    [InlineData("entry/1/new")]
    [InlineData("new/info/extra")]
    [InlineData("recursive")]
    public void Rejects_anything_else(string selectors) =>
        Assert.Throws<BadRequestException>(() => FetchSelectors.Parse(selectors.Split('/')));
}

public class DeleteSelectorsTests
{
    [Theory]
    [InlineData("", AssetOrder.New, null, false)]
    [InlineData("modified", AssetOrder.Modified, null, false)]
    [InlineData("recursive", AssetOrder.New, null, true)]
    [InlineData("entry/4", AssetOrder.New, 4L, false)]
    public void Parses_the_grammar(string selectors, AssetOrder order, long? entry, bool recursive) =>
        Assert.Equal(new DeleteSelectors(order, entry, recursive), DeleteSelectors.Parse(selectors.Split('/', StringSplitOptions.RemoveEmptyEntries)));

    [Theory]
    [InlineData("content")]
    [InlineData("recursive/new")]
    [InlineData("entry/1/info")]
    public void Rejects_anything_else(string selectors) =>
        Assert.Throws<BadRequestException>(() => DeleteSelectors.Parse(selectors.Split('/')));
}

public class AssetRouteTests
{
    [Fact]
    public void Splits_path_and_selectors_at_the_first_dash_segment()
    {
        var route = AssetRoute.Parse("users/1/avatar/-/entry/2/content");
        Assert.Equal("/users/1/avatar", route.Path.Value);
        Assert.Equal(["entry", "2", "content"], route.Selectors);
    }

    [Fact]
    public void A_trailing_dash_means_no_selectors()
    {
        var route = AssetRoute.Parse("users/-");
        Assert.Equal("/users", route.Path.Value);
        Assert.Empty(route.Selectors);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-/content")]
    [InlineData("a/../b")]
    [InlineData("a/b c")]
    public void Rejects_bad_paths(string rest) => Assert.Throws<BadRequestException>(() => AssetRoute.Parse(rest));
}
