using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using Konifer.Tests.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Konifer.Tests.Http.Auth;

/// <summary>
/// <c>auth.jwt</c> with keys made here: an RSA public key in PEM, an EC key with a paths claim, a base64 HMAC secret,
/// and an RSA key published at a JWKS URL by a local server. Tokens are made with the IdentityModel handler.
/// </summary>
public sealed class JwtAccessTests
{
    private const string Issuer = "https://issuer.example";
    private const string Audience = "konifer";

    private static string Config(string jwt) => KoniferTestServer.InMemoryConfig + $$"""

        auth {
          enabled = true
          jwt { enabled = true, issuer = "{{Issuer}}", audience = {{Audience}}, {{jwt}} }
        }
        """;

    private static string Pem(AsymmetricAlgorithm key) => key.ExportSubjectPublicKeyInfoPem().Replace("\n", "\\n");

    private static string Token(SecurityKey key, string algorithm, string? scope, string issuer = Issuer, string audience = Audience,
        DateTime? expires = null, IDictionary<string, object>? claims = null)
    {
        var all = new Dictionary<string, object>(claims ?? new Dictionary<string, object>());
        if (scope is not null) all["scope"] = scope;
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim("sub", "uploader-service")]),
            Claims = all,
            IssuedAt = (expires ?? now.AddMinutes(5)).AddMinutes(-10),
            NotBefore = (expires ?? now.AddMinutes(5)).AddMinutes(-10),
            Expires = expires ?? now.AddMinutes(5),
            SigningCredentials = new SigningCredentials(key, algorithm),
        });
    }

    [Fact]
    public async Task An_rsa_signed_token_grants_its_scopes_and_a_bad_issuer_audience_expiry_or_key_is_401()
    {
        using var rsa = RSA.Create(2048);
        var key = new RsaSecurityKey(rsa);
        await using var server = await KoniferTestServer.StartAsync(Config($"signing-keys = [\"{Pem(rsa)}\"]"));
        var client = server.Client;

        using (var write = await client.StoreAsync("/users/1", Token(key, SecurityAlgorithms.RsaSha256, "read write")))
            Assert.Equal(HttpStatusCode.Created, write.StatusCode);
        using (var noDelete = await client.SendAsync(HttpMethod.Delete, "/assets/users/1", Token(key, SecurityAlgorithms.RsaSha256, "write")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, noDelete.StatusCode);
            Assert.Equal("This request needs the 'delete' scope for /users/1.", await noDelete.ProblemMessageAsync());
        }
        using (var noScope = await client.StoreAsync("/users/1", Token(key, SecurityAlgorithms.RsaSha256, scope: null)))
            Assert.Equal(HttpStatusCode.Forbidden, noScope.StatusCode);
        // Scope names are exact: "Write" and "konifer:write" grant nothing.
        using (var wrongCase = await client.StoreAsync("/users/1", Token(key, SecurityAlgorithms.RsaSha256, "Write konifer:write")))
            Assert.Equal(HttpStatusCode.Forbidden, wrongCase.StatusCode);
        // A token cannot carry Konifer's own claim types past the scope claim.
        using (var smuggled = await client.StoreAsync("/users/1", Token(key, SecurityAlgorithms.RsaSha256, "read",
                   claims: new Dictionary<string, object> { ["konifer:scope"] = "write" })))
            Assert.Equal(HttpStatusCode.Forbidden, smuggled.StatusCode);
        using (var delete = await client.SendAsync(HttpMethod.Delete, "/assets/users/1", Token(key, SecurityAlgorithms.RsaSha256, "delete")))
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);

        await AssertUnauthorized(client, Token(key, SecurityAlgorithms.RsaSha256, "write", issuer: "https://other.example"), "the token's issuer is not accepted");
        await AssertUnauthorized(client, Token(key, SecurityAlgorithms.RsaSha256, "write", audience: "someone-else"), "the token's audience is not accepted");
        await AssertUnauthorized(client, Token(key, SecurityAlgorithms.RsaSha256, "write", expires: DateTime.UtcNow.AddMinutes(-5)), "the token has expired");
        using var otherRsa = RSA.Create(2048);
        await AssertUnauthorized(client, Token(new RsaSecurityKey(otherRsa), SecurityAlgorithms.RsaSha256, "write"), "not a valid API key or token");
    }

    private static async Task AssertUnauthorized(HttpClient client, string token, string reason)
    {
        using var response = await client.StoreAsync("/users/9", token);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.First().Scheme);
        Assert.Contains(reason, await response.ProblemMessageAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ec_signed_token_is_limited_to_the_paths_of_its_paths_claim()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var key = new ECDsaSecurityKey(ecdsa);
        await using var server = await KoniferTestServer.StartAsync(Config($"signing-keys = [\"{Pem(ecdsa)}\"], paths-claim = konifer_paths"));
        var paths = new Dictionary<string, object> { ["konifer_paths"] = new[] { "/users/**", "/teams/*" } };

        using (var users = await server.Client.StoreAsync("/users/7/avatar", Token(key, SecurityAlgorithms.EcdsaSha256, "write", claims: paths)))
            Assert.Equal(HttpStatusCode.Created, users.StatusCode);
        using (var team = await server.Client.StoreAsync("/teams/x", Token(key, SecurityAlgorithms.EcdsaSha256, "write", claims: paths)))
            Assert.Equal(HttpStatusCode.Created, team.StatusCode);
        using (var deeper = await server.Client.StoreAsync("/teams/x/logo", Token(key, SecurityAlgorithms.EcdsaSha256, "write", claims: paths)))
            Assert.Equal(HttpStatusCode.Forbidden, deeper.StatusCode);
        // With a paths claim configured, a token without it covers no path.
        using (var none = await server.Client.StoreAsync("/users/8", Token(key, SecurityAlgorithms.EcdsaSha256, "write")))
            Assert.Equal(HttpStatusCode.Forbidden, none.StatusCode);
    }

    [Fact]
    public async Task A_base64_shared_secret_validates_hmac_tokens_and_api_keys_still_work_beside_jwt()
    {
        var secret = RandomNumberGenerator.GetBytes(32);
        const string apiKey = "kfr_beside-jwt-0123456789abcdefghij";
        var config = Config($"signing-keys = [\"{Convert.ToBase64String(secret)}\"]").Replace("enabled = true\n",
            $"enabled = true\n  api-keys = [ {AuthRequests.Entry("ci", apiKey, "write", "\"/**\"")} ]\n");
        await using var server = await KoniferTestServer.StartAsync(config);

        using (var token = await server.Client.StoreAsync("/a", Token(new SymmetricSecurityKey(secret), SecurityAlgorithms.HmacSha256, "write")))
            Assert.Equal(HttpStatusCode.Created, token.StatusCode);
        using (var key = await server.Client.StoreAsync("/b", apiKey))
            Assert.Equal(HttpStatusCode.Created, key.StatusCode);
        using (var wrongSecret = await server.Client.StoreAsync("/c", Token(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)), SecurityAlgorithms.HmacSha256, "write")))
            Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
    }

    [Fact]
    public async Task Keys_published_at_a_jwks_url_validate_tokens()
    {
        using var rsa = RSA.Create(2048);
        var key = new RsaSecurityKey(rsa) { KeyId = "key-2026" };
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(false)) { KeyId = "key-2026" });
        var jwks = System.Text.Json.JsonSerializer.Serialize(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", n = jwk.N, e = jwk.E } } });
        await using var published = await JwksServer.StartAsync(jwks);
        await using var server = await KoniferTestServer.StartAsync(Config($"jwks-url = \"{published.Url}\""));

        using (var valid = await server.Client.StoreAsync("/users/1", Token(key, SecurityAlgorithms.RsaSha256, "write")))
            Assert.Equal(HttpStatusCode.Created, valid.StatusCode);
        Assert.True(published.Requests > 0);
        using var unknown = RSA.Create(2048);
        using (var invalid = await server.Client.StoreAsync("/users/2", Token(new RsaSecurityKey(unknown) { KeyId = "key-2026" }, SecurityAlgorithms.RsaSha256, "write")))
            Assert.Equal(HttpStatusCode.Unauthorized, invalid.StatusCode);
    }

    /// <summary>A loopback server that publishes one JWKS document and counts how often it is fetched.</summary>
    private sealed class JwksServer : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private int _requests;

        private JwksServer(WebApplication app) => _app = app;

        public int Requests => Volatile.Read(ref _requests);

        public string Url => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/.well-known/jwks.json";

        public static async Task<JwksServer> StartAsync(string document)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var server = new JwksServer(app);
            app.MapGet("/.well-known/jwks.json", () =>
            {
                Interlocked.Increment(ref server._requests);
                return Results.Text(document, "application/json");
            });
            await app.StartAsync();
            return server;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
