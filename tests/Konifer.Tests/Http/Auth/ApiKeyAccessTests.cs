using System.Net;
using Konifer.Tests.TestSupport;
using static Konifer.Tests.Http.Auth.AuthRequests;

namespace Konifer.Tests.Http.Auth;

/// <summary>
/// <c>auth.enabled</c> with API keys: each scope against each method, and path patterns with the <c>paths</c>
/// configuration's matching. Reads stay open (no <c>require-for-reads</c>).
/// </summary>
public sealed class ApiKeyAccessTests
{
    private const string Uploader = "kfr_uploader-key-0123456789abcdef";
    private const string Deleter = "kfr_deleter-key-0123456789abcdef";
    private const string Admin = "kfr_admin-key-0123456789abcdefgh";
    private const string Team = "kfr_team-key-0123456789abcdefghij";
    private const string Reader = "kfr_reader-key-0123456789abcdefg";

    private static readonly string Config = KoniferTestServer.InMemoryConfig + $$"""

        auth {
          enabled = true
          api-keys = [
            {{Entry("uploader", Uploader, "write", "\"/users/**\"")}}
            {{Entry("deleter", Deleter, "delete", "\"/users/*\"")}}
            {{Entry("admin", Admin, "read, write, delete", "\"/**\"")}}
            {{Entry("team", Team, "write, delete", "\"/teams/a\"")}}
            {{Entry("reader", Reader, "read", "\"/**\"")}}
          ]
        }
        """;

    private static Task<KoniferTestServer> StartAsync() => KoniferTestServer.StartAsync(Config);

    [Theory]
    [InlineData(Uploader, "/users/1", HttpStatusCode.Created)]
    [InlineData(Uploader, "/users/1/avatar/small", HttpStatusCode.Created)] // ** spans any depth
    [InlineData(Admin, "/anything/at/all", HttpStatusCode.Created)]
    [InlineData(Team, "/teams/a", HttpStatusCode.Created)]
    [InlineData(Team, "/teams/a/logo", HttpStatusCode.Created)]          // a literal pattern covers the paths below it
    [InlineData(Uploader, "/teams/a", HttpStatusCode.Forbidden)]         // a key for another path
    [InlineData(Team, "/teams/b", HttpStatusCode.Forbidden)]
    [InlineData(Deleter, "/users/1", HttpStatusCode.Forbidden)]          // delete is not write
    [InlineData(Reader, "/users/1", HttpStatusCode.Forbidden)]           // read is not write
    public async Task Store_needs_the_write_scope_on_the_path(string key, string path, HttpStatusCode expected)
    {
        await using var server = await StartAsync();
        using var response = await server.Client.StoreAsync(path, key);
        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Forbidden)
            Assert.Equal($"This request needs the 'write' scope for {path}.", await response.ProblemMessageAsync());
    }

    [Fact]
    public async Task Update_needs_write_and_delete_needs_delete()
    {
        await using var server = await StartAsync();
        var client = server.Client;
        Assert.Equal(HttpStatusCode.Created, (await client.StoreAsync("/users/1", Uploader)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.StoreAsync("/users/1", Uploader)).StatusCode);

        using (var update = await client.SendAsync(HttpMethod.Put, "/assets/users/1/-/entry/0", Uploader, AssetRequests.Json(new { alt = "new" })))
            Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        using (var update = await client.SendAsync(HttpMethod.Put, "/assets/users/1/-/entry/0", Deleter, AssetRequests.Json(new { alt = "no" })))
        {
            Assert.Equal(HttpStatusCode.Forbidden, update.StatusCode);
            Assert.Equal("This request needs the 'write' scope for /users/1.", await update.ProblemMessageAsync());
        }
        using (var delete = await client.SendAsync(HttpMethod.Delete, "/assets/users/1/-/entry/0", Uploader))
        {
            Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
            Assert.Equal("This request needs the 'delete' scope for /users/1.", await delete.ProblemMessageAsync());
        }
        using (var delete = await client.SendAsync(HttpMethod.Delete, "/assets/users/1/-/entry/0", Deleter))
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        using (var delete = await client.SendAsync(HttpMethod.Delete, "/assets/users/1/-/entry/1", Reader))
            Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);

        // Reads stay open without require-for-reads: the update was applied, the deleted entry is gone.
        var remaining = await client.GetJsonAsync("/assets/users/1/-/entries?limit=-1");
        Assert.Single(remaining.GetProperty("entries").EnumerateArray());
    }

    [Fact]
    public async Task A_single_star_is_one_segment_and_a_recursive_delete_needs_every_path_below()
    {
        await using var server = await StartAsync();
        var client = server.Client;
        Assert.Equal(HttpStatusCode.Created, (await client.StoreAsync("/users/2/avatar", Admin)).StatusCode);

        // /users/* is /users/2, not /users/2/avatar.
        using (var deep = await client.SendAsync(HttpMethod.Delete, "/assets/users/2/avatar", Deleter))
        {
            Assert.Equal(HttpStatusCode.Forbidden, deep.StatusCode);
            Assert.Equal("This request needs the 'delete' scope for /users/2/avatar.", await deep.ProblemMessageAsync());
        }
        // Deleting /users/2 recursively reaches /users/2/avatar, which /users/* does not cover.
        using (var recursive = await client.SendAsync(HttpMethod.Delete, "/assets/users/2/-/recursive", Deleter))
        {
            Assert.Equal(HttpStatusCode.Forbidden, recursive.StatusCode);
            Assert.Equal("This request needs the 'delete' scope for /users/2 and every path below it.", await recursive.ProblemMessageAsync());
        }
        using (var recursive = await client.SendAsync(HttpMethod.Delete, "/assets/users/2/-/recursive", Admin))
            Assert.Equal(HttpStatusCode.NoContent, recursive.StatusCode);
        using var gone = await client.GetAsync("/assets/users/2/avatar");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Missing_or_invalid_credentials_are_401_problems_that_name_no_key()
    {
        await using var server = await StartAsync();
        var client = server.Client;

        using var missing = await client.StoreAsync("/users/1", key: null);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("Bearer", missing.Headers.WwwAuthenticate.Single().Scheme);
        var missingMessage = await missing.ProblemMessageAsync();
        Assert.Equal("Missing credentials: this request needs the 'write' scope for /users/1; send an API key or token as 'Authorization: Bearer …'.", missingMessage);

        using var invalid = await client.StoreAsync("/users/1", "kfr_not-a-configured-key-000000000");
        Assert.Equal(HttpStatusCode.Unauthorized, invalid.StatusCode);
        Assert.Contains("invalid_token", invalid.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        var invalidMessage = await invalid.ProblemMessageAsync();
        Assert.Equal("Invalid credentials: the bearer token is not a valid API key or token; this request needs the 'write' scope for /users/1.", invalidMessage);

        using var basic = new HttpRequestMessage(HttpMethod.Delete, "/assets/users/1");
        basic.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", "dXNlcjpwYXNz");
        using var other = await client.SendAsync(basic);
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);

        foreach (var message in new[] { missingMessage, invalidMessage, await other.ProblemMessageAsync() })
            foreach (var name in new[] { "uploader", "deleter", "admin", "team", "reader", "sha256" })
                Assert.DoesNotContain(name, message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Reads_and_probes_stay_open_and_ignore_a_bad_key()
    {
        await using var server = await StartAsync();
        var client = server.Client;
        Assert.Equal(HttpStatusCode.Created, (await client.StoreAsync("/users/3", Uploader)).StatusCode);
        using var read = await client.GetAsync("/assets/users/3/-/info");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        using var withBadKey = await client.SendAsync(HttpMethod.Get, "/assets/users/3/-/content", "kfr_wrong-key-000000000000000000");
        Assert.Equal(HttpStatusCode.OK, withBadKey.StatusCode);
        using var head = await client.SendAsync(HttpMethod.Head, "/assets/users/3/-/content", null);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        using var health = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Auth_disabled_leaves_every_write_open_as_the_reference_does()
    {
        // The same keys with enabled = false: nothing is checked, not even a wrong key.
        await using var server = await KoniferTestServer.StartAsync(Config.Replace("enabled = true", "enabled = false"));
        using var store = await server.Client.StoreAsync("/teams/z", "kfr_wrong-key-000000000000000000");
        Assert.Equal(HttpStatusCode.Created, store.StatusCode);
        using var delete = await server.Client.DeleteAsync("/assets/teams/z");
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
    }
}
