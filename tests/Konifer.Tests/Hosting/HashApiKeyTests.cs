using System.Security.Cryptography;
using System.Text;
using Konifer.Hosting;

namespace Konifer.Tests.Hosting;

/// <summary><c>konifer --hash-api-key [key]</c>: a new key printed once with its hash line, or the hash of a given key.</summary>
public sealed class HashApiKeyTests
{
    private static (int? ExitCode, string Output, string Errors) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exitCode = CommandLine.Run(args, output, errors: errors);
        return (exitCode, output.ToString(), errors.ToString());
    }

    private static string Hash(string key) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    [Fact]
    public void A_given_key_prints_its_hash_line()
    {
        var (exitCode, output, _) = Run("--hash-api-key", "my-own-long-random-key-123");
        Assert.Equal(0, exitCode);
        Assert.Equal($"hash = \"{Hash("my-own-long-random-key-123")}\"", output.Trim());
    }

    [Fact]
    public void Without_a_key_a_new_random_key_is_printed_once_with_its_hash()
    {
        var (exitCode, output, _) = Run("--hash-api-key");
        Assert.Equal(0, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => !l.StartsWith('#')).ToArray();
        Assert.Equal(2, lines.Length);
        var key = lines[0];
        Assert.Matches("^kfr_[A-Za-z0-9_-]{43}$", key);
        Assert.Equal($"hash = \"{Hash(key)}\"", lines[1]);
        Assert.NotEqual(key, Run("--hash-api-key").Output.Split('\n')[1].Trim());
    }

    [Theory]
    [InlineData("short")]
    [InlineData("a key with spaces in it")]
    public void A_weak_key_is_refused_with_exit_code_2(string key)
    {
        var (exitCode, output, errors) = Run("--hash-api-key", key);
        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.StartsWith("konifer: --hash-api-key: ", errors, StringComparison.Ordinal);
    }
}
