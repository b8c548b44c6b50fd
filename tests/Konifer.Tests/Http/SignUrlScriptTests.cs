using System.Diagnostics;
using System.Net;
using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Http;

/// <summary>scripts/sign-url must produce what the server accepts. It needs openssl: a missing one fails, never skips.</summary>
public sealed class SignUrlScriptTests
{
    private static string Script()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "scripts", "sign-url");
            if (File.Exists(candidate)) return candidate;
        }
        throw new Xunit.Sdk.XunitException("scripts/sign-url not found above " + AppContext.BaseDirectory);
    }

    private static async Task<(int ExitCode, string Output, string Error)> Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment.Remove("URL_SIGNING_SECRET_KEY");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, (await output).TrimEnd('\n'), await error);
    }

    [Fact]
    public async Task Openssl_is_installed()
    {
        var (exitCode, output, _) = await Run("openssl", "version");
        Assert.Equal(0, exitCode);
        Assert.StartsWith("OpenSSL", output);
    }

    [Theory]
    [InlineData("hmac_sha256")]
    [InlineData("hmac_sha384")]
    [InlineData("hmac_sha512")]
    public async Task Signs_the_documented_payload(string algorithm)
    {
        const string secret = "s3cr3t with spaces ✓";
        var url = "http://localhost:8080/assets/users/1/-/content?w=100&label%3Aphone=i+phone&format=webp&s=stale";
        var (exitCode, output, error) = await Run("bash", Script(), "-a", algorithm, "-k", secret, url);
        Assert.True(exitCode == 0, error);

        var payload = ReferenceSignature.Payload("/assets/users/1/-/content", ("w", "100"), ("label:phone", "i phone"), ("format", "webp"));
        var expected = "http://localhost:8080/assets/users/1/-/content?w=100&label%3Aphone=i+phone&format=webp&s="
            + ReferenceSignature.Sign(algorithm, secret, payload);
        Assert.Equal(expected, output);
    }

    [Fact]
    public async Task A_path_without_parameters_gets_just_s_and_the_secret_can_come_from_the_environment()
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Script());
        start.ArgumentList.Add("/assets/users/1");
        start.Environment["URL_SIGNING_SECRET_KEY"] = "env-secret";
        using var process = Process.Start(start)!;
        var output = (await process.StandardOutput.ReadToEndAsync()).TrimEnd('\n');
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        Assert.Equal("/assets/users/1?s=" + ReferenceSignature.Sign("hmac_sha256", "env-secret", "/assets/users/1"), output);
    }

    [Fact]
    public async Task The_server_accepts_what_the_script_signs()
    {
        await using var server = await KoniferTestServer.StartAsync(
            KoniferTestServer.InMemoryConfig + "\nurl-signing { enabled = true, algorithm = hmac_sha512 }",
            new Dictionary<string, string> { ["URL_SIGNING_SECRET_KEY"] = "server-secret" });
        await server.Client.StoreAsync("/users/1", TestImages.Gradient(30, 30), new { labels = new { phone = "i phone" } });

        var (exitCode, signed, error) = await Run("bash", Script(), "-a", "hmac_sha512", "-k", "server-secret",
            server.BaseAddress.ToString().TrimEnd('/') + "/assets/users/1/-/content?phone=i+phone&h=12&w=12&format=png");
        Assert.True(exitCode == 0, error);
        using var response = await server.Client.GetAsync(signed);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var image = TestImages.Read(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(("pngload", 12, 12), (image.Loader, image.Width, image.Height));

        var (_, wrongSecret, _) = await Run("bash", Script(), "-k", "not-the-secret", "-a", "hmac_sha512", "/assets/users/1/-/content");
        using var refused = await server.Client.GetAsync(wrongSecret);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Refuses_to_run_without_a_secret_or_with_an_unknown_algorithm()
    {
        var (noSecret, _, secretError) = await Run("bash", Script(), "/assets/a");
        Assert.NotEqual(0, noSecret);
        Assert.Contains("secret", secretError);
        var (badAlgorithm, _, algorithmError) = await Run("bash", Script(), "-k", "x", "-a", "md5", "/assets/a");
        Assert.NotEqual(0, badAlgorithm);
        Assert.Contains("md5", algorithmError);
    }
}
