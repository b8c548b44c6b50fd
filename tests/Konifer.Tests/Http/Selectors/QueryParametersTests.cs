using Konifer.Core.Assets;
using Konifer.Core.Transformations;
using Konifer.Http.Selectors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Konifer.Tests.Http.Selectors;

public class QueryParametersTests
{
    private static QueryParameters Parse(string query) => QueryParameters.Parse(new QueryCollection(QueryHelpers.ParseQuery(query)));

    [Fact]
    public void Separates_limit_transformations_and_labels()
    {
        var parsed = Parse("?limit=-1&w=100&format=webp&phone=iphone&label:w=wide&s=sig");
        Assert.Equal(-1, parsed.Limit);
        Assert.Equal(new Dictionary<string, string> { ["w"] = "100", ["format"] = "webp" }, parsed.Transformation);
        Assert.Equal(new Dictionary<string, string> { ["phone"] = "iphone", ["w"] = "wide" }, parsed.Labels);
    }

    [Theory]
    [InlineData("?limit=0")]
    [InlineData("?limit=-2")]
    [InlineData("?limit=abc")]
    [InlineData("?label:=x")]
    [InlineData("?a=1&a=2")]
    public void Rejects_bad_values(string query) => Assert.Throws<BadRequestException>(() => Parse(query));
}
