using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Hosting;

/// <summary>
/// The real server as a child process, started with a broken konifer.conf: it does not crash with a stack trace but
/// says in one line which key (or which store) is wrong and exits with EX_CONFIG (78).
/// </summary>
public sealed class StartupErrorTests
{
    [Theory]
    [InlineData("object-store.provider = in-memory\nvariant-generation.workers = 0", "variant-generation.workers")]
    [InlineData("paths { \"/a/**\" { image.lqip = [nope] } }\nobject-store.provider = in-memory", "lqip")]
    [InlineData("data-store { provider = in-memory", "line")] // unclosed brace: the HOCON reader's position
    // A misspelt section leaves the defaults (a filesystem store without a mount path): the typo is what is named.
    [InlineData("datastore.provider = in-memory", "datastore.provider: unknown key; did you mean data-store.provider?")]
    [InlineData("url-signing.enabled = true\nurl-signing.algorithm = hmac_sha257", "url-signing.algorithm")]
    // Rules without the model that evaluates them: the server does not start and store uploads unscreened.
    [InlineData("data-store.provider = in-memory\nobject-store.provider = in-memory\nrule-definitions { cat { prompts = [cat], threshold = 0.5 } }\npaths { \"/photos/**\" { upload-ruleset.reject-rules = [ { rule = cat } ] } }", "rules.model-dir: SigLIP2 model files not found")]
    [InlineData("data-store.provider = in-memory\nobject-store.provider = in-memory\napi.rule-evaluation.enabled = true\nrules.model-dir = /nowhere", "rules.model-dir: SigLIP2 model files not found at '/nowhere'")]
    // Dependencies that cannot be reached: one line naming them, not the host's stack trace.
    [InlineData("data-store.postgresql { host = 127.0.0.1, port = 1, startup-timeout = 0s }\nobject-store.provider = in-memory", "PostgreSQL at 127.0.0.1:1")]
    [InlineData("data-store.provider = in-memory\nobject-store { provider = s3, s3 { endpoint-url = \"http://127.0.0.1:1\", region = us-east-1, access-key = a, secret-key = b, startup-timeout = 0s } }", "http://127.0.0.1:1")]
    public async Task A_bad_configuration_is_one_line_naming_the_problem_and_exit_code_78(string config, string named)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("konifer-bad-config-").FullName, "konifer.conf");
        await File.WriteAllTextAsync(file, config);

        var (server, exitCode, output) = await ServerProcess.StartAsync(new Dictionary<string, string>
        {
            ["KONIFER_CONFIG"] = file,
            ["IN_MEMORY"] = "false",
        });
        if (server is not null) await server.DisposeAsync();

        Assert.True(server is null, "The server started with a broken configuration.");
        Assert.Equal(78, exitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("konifer: ", StringComparison.Ordinal));
        Assert.Contains(named, line, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", output);
        Assert.DoesNotContain("Unhandled exception", output);
    }
}
