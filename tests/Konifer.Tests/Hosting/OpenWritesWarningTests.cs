using Konifer.Hosting;
using Konifer.Tests.Http.Auth;
using Konifer.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Konifer.Tests.Hosting;

/// <summary>The start-up warning when writes are open (auth disabled) and the server listens beyond loopback.</summary>
public sealed class OpenWritesWarningTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8080", true)]
    [InlineData("http://127.0.0.2:8080", true)]
    [InlineData("http://[::1]:8080", true)]
    [InlineData("http://localhost:8080", true)]
    [InlineData("https://LOCALHOST", true)]
    [InlineData("http://0.0.0.0:8080", false)]
    [InlineData("http://[::]:8080", false)]
    [InlineData("http://*:8080", false)]
    [InlineData("http://+:80", false)]
    [InlineData("http://10.0.0.5:8080", false)]
    [InlineData("http://img.example.com:8080", false)]
    public void Loopback_addresses_are_told_from_the_rest(string address, bool loopback) =>
        Assert.Equal(loopback, OpenWritesWarning.IsLoopback(address));

    private static async Task<bool> WarnsAsync(string config, string urls)
    {
        var logs = new CapturingLogProvider();
        var directory = KoniferTestServer.CreateTempDirectory();
        var file = Path.Combine(directory, "konifer.conf");
        await File.WriteAllTextAsync(file, config);
        var app = KoniferApp.Build([], new KoniferHostOptions
        {
            Environment = name => name == "KONIFER_CONFIG" ? file : null,
            CurrentDirectory = directory,
            Urls = urls,
            ConfigureServices = services => services.AddSingleton<ILoggerProvider>(logs),
        });
        await app.StartAsync();
        await app.StopAsync();
        await app.DisposeAsync();
        return logs.Entries.Any(e => e.Level == LogLevel.Warning && e.Message.StartsWith("auth.enabled is false and the server listens on", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Open_writes_on_every_interface_are_warned_about_once_started()
    {
        Assert.True(await WarnsAsync(KoniferTestServer.InMemoryConfig, "http://0.0.0.0:0"));
    }

    [Fact]
    public async Task Loopback_only_or_auth_enabled_is_not_warned_about()
    {
        Assert.False(await WarnsAsync(KoniferTestServer.InMemoryConfig, "http://127.0.0.1:0"));
        var closed = KoniferTestServer.InMemoryConfig + $"\nauth {{ enabled = true, api-keys = [ {AuthRequests.Entry("a", "kfr_warning-test-key-0123456789", "write", "\"/**\"")} ] }}";
        Assert.False(await WarnsAsync(closed, "http://0.0.0.0:0"));
    }
}
