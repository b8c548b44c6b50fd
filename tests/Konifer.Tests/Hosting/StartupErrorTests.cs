using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Hosting;

/// <summary>
/// The real server as a child process, started with a broken konifer.conf: it does not crash with a stack trace but
/// says in one line which key is wrong and exits with EX_CONFIG (78).
/// </summary>
public sealed class StartupErrorTests
{
    [Theory]
    [InlineData("object-store.provider = in-memory\nvariant-generation.workers = 0", "variant-generation.workers")]
    [InlineData("paths { \"/a/**\" { image.lqip = [nope] } }\nobject-store.provider = in-memory", "lqip")]
    [InlineData("data-store { provider = in-memory", "line")] // unclosed brace: the HOCON reader's position
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
