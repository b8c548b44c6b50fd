using System.Net;
using System.Text;
using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Http;

/// <summary>Error bodies speak the API's language: where the request went wrong, never the server's .NET types.</summary>
public sealed class ErrorBodyTests : IAsyncLifetime
{
    private KoniferTestServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await KoniferTestServer.StartAsync();
        await _server.Client.StoreAsync("/errors/photo", TestImages.Gradient(20, 10));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<string, string> Bodies() => new()
    {
        { """{"alt":5}""", "$.alt" },
        { """{"labels":[1]}""", "$.labels" },
        { """{"labels":{"k":{"deep":1}}}""", "$.labels.k" },
        { """{"tags":"x"}""", "$.tags" },
        { "[1,2]", "$" },
        { "nope", "$" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_body_of_the_wrong_shape_is_400_naming_where_and_no_type(string json, string where)
    {
        var requests = new Func<Task<HttpResponseMessage>>[]
        {
            () => _server.Client.PutAsync("/assets/errors/photo/-/entry/0", new StringContent(json, Encoding.UTF8, "application/json")),
            () => _server.Client.PostAsync("/assets/errors/url", new StringContent(json, Encoding.UTF8, "application/json")),
            () => _server.Client.PostAsync("/assets/errors/multipart", AssetRequests.MultipartWithJson(TestImages.Gradient(20, 10), json)),
        };
        foreach (var send in requests)
        {
            using var response = await send();
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var message = await response.ProblemMessageAsync();
            Assert.Contains($"at {where} ", message);
            Assert.DoesNotContain("System.", message);
            Assert.DoesNotContain("Konifer.", message);
        }
    }
}
