using Konifer.Configuration;
using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Configuration;

/// <summary><c>auth</c> and <c>url-signing.secret-keys</c> as konifer.conf sets them, and the mistakes that stop start-up.</summary>
public sealed class AuthConfigurationTests
{
    private const string Hash = "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static KoniferConfiguration Read(string text) => HoconConfiguration.Read(HoconConfiguration.InMemoryStores + text);

    [Fact]
    public void Disabled_by_default_with_ten_failures_a_minute()
    {
        var auth = Read("").Auth;
        Assert.False(auth.Enabled);
        Assert.Empty(auth.ApiKeys);
        Assert.False(auth.RequireForReads);
        Assert.Equal((10, TimeSpan.FromMinutes(1)), (auth.FailureLimit, auth.FailureWindow));
    }

    [Fact]
    public void Api_keys_jwt_and_limits_are_read()
    {
        var auth = Read($$"""
            auth {
              enabled = true, require-for-reads = yes, failure-limit = 5, failure-window = 30s
              api-keys = [ { name = up, hash = "{{Hash}}", scopes = [write, delete], paths = ["/users/**", "/teams/*"] } ]
              jwt { enabled = true, issuer = "https://i", audience = a, jwks-url = "https://i/jwks.json", paths-claim = p }
            }
            """).Auth;
        var key = Assert.Single(auth.ApiKeys);
        Assert.Equal("up", key.Name);
        Assert.Equal([AuthScope.Write, AuthScope.Delete], key.Scopes);
        Assert.Equal(["/users/**", "/teams/*"], key.Paths.Select(p => p.Value));
        Assert.True(auth.RequireForReads);
        Assert.Equal((5, TimeSpan.FromSeconds(30)), (auth.FailureLimit, auth.FailureWindow));
        Assert.Equal(new Uri("https://i/jwks.json"), auth.Jwt.JwksUrl);
        Assert.Equal(("scope", "p"), (auth.Jwt.ScopeClaim, auth.Jwt.PathsClaim));
    }

    [Theory]
    [InlineData("{ hash = \"" + Hash + "\", scopes = [upload], paths = [\"/**\"] }", "auth.api-keys[0].scopes[0]", "'upload' is not a scope")]
    [InlineData("{ hash = \"sha256:abc\", scopes = [write], paths = [\"/**\"] }", "auth.api-keys[0].hash", "64 hex digits")]
    [InlineData("{ hash = \"kfr_pasted-the-key-itself-by-mistake\", scopes = [write], paths = [\"/**\"] }", "auth.api-keys[0].hash", "sha256:")]
    [InlineData("{ scopes = [write], paths = [\"/**\"] }", "auth.api-keys[0].hash", "is required")]
    [InlineData("{ hash = \"" + Hash + "\", paths = [\"/**\"] }", "auth.api-keys[0].scopes", "is required")]
    [InlineData("{ hash = \"" + Hash + "\", scopes = [write] }", "auth.api-keys[0].paths", "is required")]
    [InlineData("{ hash = \"" + Hash + "\", scopes = [write], paths = [\"/a*\"] }", "auth.api-keys[0].paths[0]", "whole segments")]
    public void A_wrong_api_key_entry_names_its_key(string entry, string key, string problem)
    {
        var error = Assert.Throws<ConfigurationException>(() => Read($"auth {{ enabled = true, api-keys = [ {entry} ] }}"));
        Assert.Equal(key, error.Key);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("pasted-the-key", error.Message, StringComparison.Ordinal); // a pasted key is not echoed
    }

    [Theory]
    [InlineData("jwt { enabled = true, audience = a, signing-keys = [\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\"] }", "auth.jwt.issuer")]
    [InlineData("jwt { enabled = true, issuer = i, signing-keys = [\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\"] }", "auth.jwt.audience")]
    [InlineData("jwt { enabled = true, issuer = i, audience = a }", "auth.jwt.signing-keys")]
    [InlineData("jwt { enabled = true, issuer = i, audience = a, signing-keys = [\"c2hvcnQ=\"] }", "auth.jwt.signing-keys[0]")]
    [InlineData("jwt { enabled = true, issuer = i, audience = a, signing-keys = [\"not a key!\"] }", "auth.jwt.signing-keys[0]")]
    [InlineData("jwt { enabled = true, issuer = i, audience = a, jwks-url = \"ftp://x\" }", "auth.jwt.jwks-url")]
    [InlineData("failure-limit = 0", "auth.failure-limit")]
    [InlineData("failure-window = 0s", "auth.failure-window")]
    [InlineData("enabled = maybe", "auth.enabled")]
    public void Other_auth_mistakes_name_their_key(string body, string key)
    {
        var error = Assert.Throws<ConfigurationException>(() => Read($"auth {{ {body} }}"));
        Assert.Equal(key, error.Key);
    }

    [Fact]
    public void Secret_keys_add_to_secret_key_which_signs_first()
    {
        var signing = Read("url-signing { enabled = true, secret-key = a, secret-keys = [b, c] }").Settings.UrlSigning;
        Assert.Equal(["a", "b", "c"], signing.VerificationKeys());
        Assert.Equal(["b"], Read("url-signing { enabled = true, secret-keys = [b] }").Settings.UrlSigning.VerificationKeys());
        var error = Assert.Throws<ConfigurationException>(() => Read("url-signing { enabled = true, secret-keys = [] }"));
        Assert.Equal("url-signing.secret-key", error.Key);
    }

    [Fact]
    public void Check_config_masks_hashes_and_keys()
    {
        var lines = EffectiveConfiguration.Lines(Read($$"""
            url-signing { enabled = true, secret-keys = [visible-one, visible-two] }
            auth.api-keys = [ { name = up, hash = "{{Hash}}", scopes = [write], paths = ["/**"] } ]
            auth.jwt.signing-keys = ["AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="]
            """));
        var text = string.Join("\n", lines);
        Assert.Contains("auth.api-keys = [{ name = \"up\", hash = ***, scopes = [write], paths = [\"/**\"] }]", lines);
        Assert.Contains("url-signing.secret-keys = [\"***\", \"***\"]", lines);
        Assert.Contains("auth.jwt.signing-keys = [\"***\"]", lines);
        Assert.DoesNotContain("visible", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Hash[7..], text, StringComparison.Ordinal);
        Assert.DoesNotContain("AAAAAAAA", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_scope_stops_the_server_with_exit_code_78_naming_the_key()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("konifer-auth-config-").FullName, "konifer.conf");
        await File.WriteAllTextAsync(file, HoconConfiguration.InMemoryStores + $"auth {{ enabled = true, api-keys = [ {{ hash = \"{Hash}\", scopes = [admin], paths = [\"/**\"] }} ] }}");
        var (server, exitCode, output) = await ServerProcess.StartAsync(new Dictionary<string, string> { ["KONIFER_CONFIG"] = file, ["IN_MEMORY"] = "false" });
        if (server is not null) await server.DisposeAsync();
        Assert.Null(server);
        Assert.Equal(78, exitCode);
        Assert.Contains("konifer: auth.api-keys[0].scopes[0]: 'admin' is not a scope", output, StringComparison.Ordinal);
    }
}
