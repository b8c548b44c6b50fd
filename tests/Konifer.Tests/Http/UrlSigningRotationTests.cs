using Konifer.UrlSigning;
using System.Diagnostics;
using System.Net;
using Konifer.Configuration;
using Konifer.Http.Signing;
using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Http;

/// <summary>
/// <c>url-signing.secret-keys</c> (several keys valid at once, the first signs) and the optional signed <c>exp</c>.
/// Signatures here are made by <see cref="ReferenceSignature"/>, independently of the server's signer.
/// </summary>
public sealed class UrlSigningRotationTests
{
    private const string NewKey = "the new secret";
    private const string OldKey = "the old secret";

    private const string Config = """
        data-store.provider = in-memory
        object-store.provider = in-memory
        url-signing { enabled = true, secret-keys = ["the new secret", "the old secret"] }
        """;

    private static string Signed(string secret, string path, params (string Key, string Value)[] parameters)
    {
        var signature = ReferenceSignature.Sign("hmac_sha256", secret, ReferenceSignature.Payload(path, parameters));
        return $"{path}?{string.Join("&", parameters.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}").Append("s=" + signature))}";
    }

    private static async Task<KoniferTestServer> StartAsync()
    {
        var server = await KoniferTestServer.StartAsync(Config);
        await server.Client.StoreAsync("/users/1", TestImages.Gradient(40, 20));
        return server;
    }

    [Fact]
    public async Task Every_listed_key_verifies_and_the_first_signs_the_servers_own_links()
    {
        await using var server = await StartAsync();
        using (var withNew = await server.Client.GetAsync(Signed(NewKey, "/assets/users/1/-/info")))
            Assert.Equal(HttpStatusCode.OK, withNew.StatusCode);
        using (var withOld = await server.Client.GetAsync(Signed(OldKey, "/assets/users/1/-/info")))
            Assert.Equal(HttpStatusCode.OK, withOld.StatusCode);
        using (var unknown = await server.Client.GetAsync(Signed("a removed secret", "/assets/users/1/-/info")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, unknown.StatusCode);
            Assert.Equal("Invalid signature", await unknown.ProblemMessageAsync());
        }

        // The link the server hands out is signed with the first key.
        var link = await server.Client.GetJsonAsync(Signed(OldKey, "/assets/users/1/-/link"));
        var url = new Uri(link.GetProperty("url").GetString()!);
        var query = url.Query.TrimStart('?');
        var signature = query.Split('&').Single(p => p.StartsWith("s=", StringComparison.Ordinal))[2..];
        Assert.Equal(ReferenceSignature.Sign("hmac_sha256", NewKey, UrlSigner.Payload(url.AbsolutePath, query)), signature);
    }

    [Fact]
    public async Task A_signed_exp_in_the_future_is_served_and_a_past_or_tampered_one_is_forbidden()
    {
        await using var server = await StartAsync();
        var future = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds().ToString();
        var past = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds().ToString();

        var valid = Signed(OldKey, "/assets/users/1/-/content", ("w", "20"), ("exp", future));
        using (var served = await server.Client.GetAsync(valid))
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        using (var expired = await server.Client.GetAsync(Signed(NewKey, "/assets/users/1/-/content", ("w", "20"), ("exp", past))))
        {
            Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
            Assert.Equal("The signed URL expired", await expired.ProblemMessageAsync());
        }
        // Moving exp later breaks the signature: it is part of what is signed.
        using (var tampered = await server.Client.GetAsync(valid.Replace("exp=" + future, "exp=" + (long.Parse(future) + 3600))))
        {
            Assert.Equal(HttpStatusCode.Forbidden, tampered.StatusCode);
            Assert.Equal("Invalid signature", await tampered.ProblemMessageAsync());
        }
        using (var removed = await server.Client.GetAsync(valid.Replace("&exp=" + future, "")))
            Assert.Equal(HttpStatusCode.Forbidden, removed.StatusCode);
    }

    [Fact]
    public void The_signer_adds_exp_before_signing_and_any_key_verifies()
    {
        var signer = new UrlSigner(SigningAlgorithm.HmacSha256, [NewKey, OldKey]);
        var expiry = DateTimeOffset.FromUnixTimeSeconds(2_000_000_000);
        var signed = signer.SignUrl("https://cdn.example/assets/a/-/content?w=10&exp=1&s=old", expiry);
        var expected = ReferenceSignature.Sign("hmac_sha256", NewKey, ReferenceSignature.Payload("/assets/a/-/content", ("w", "10"), ("exp", "2000000000")));
        Assert.Equal($"https://cdn.example/assets/a/-/content?w=10&exp=2000000000&s={expected}", signed);

        var query = "w=10&exp=2000000000";
        Assert.Equal(SignatureCheck.Valid, signer.Check("/assets/a/-/content", query + "&s=" + expected, expiry.AddSeconds(-1)));
        Assert.Equal(SignatureCheck.Expired, signer.Check("/assets/a/-/content", query + "&s=" + expected, expiry));
        var byOld = ReferenceSignature.Sign("hmac_sha256", OldKey, ReferenceSignature.Payload("/assets/a/-/content", ("w", "10"), ("exp", "2000000000")));
        Assert.Equal(SignatureCheck.Valid, signer.Check("/assets/a/-/content", query + "&s=" + byOld, expiry.AddDays(-1)));
        Assert.Equal(SignatureCheck.Missing, signer.Check("/assets/a/-/content", query, expiry));
        Assert.Equal(SignatureCheck.Invalid, new UrlSigner(SigningAlgorithm.HmacSha256, OldKey)
            .Check("/assets/a/-/content", query + "&s=" + expected, expiry.AddDays(-1)));
    }

    [Fact]
    public async Task Sign_url_with_expires_in_makes_a_url_the_server_serves()
    {
        await using var server = await StartAsync();
        var script = Path.Combine(RepositoryRoot(), "scripts", "sign-url");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { script, "-k", OldKey, "--expires-in", "300", "/assets/users/1/-/content?w=20" }) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = (await process.StandardOutput.ReadToEndAsync()).Trim();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await process.StandardError.ReadToEndAsync());

        var exp = long.Parse(output.Split('&').Single(p => p.StartsWith("exp=", StringComparison.Ordinal))[4..]);
        Assert.InRange(exp - DateTimeOffset.UtcNow.ToUnixTimeSeconds(), 240, 301);
        using var served = await server.Client.GetAsync(output);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "scripts", "sign-url"))) return directory.FullName;
        throw new Xunit.Sdk.XunitException("scripts/sign-url not found above " + AppContext.BaseDirectory);
    }
}
