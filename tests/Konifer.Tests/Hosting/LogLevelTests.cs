using Konifer.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Konifer.Tests.Hosting;

/// <summary>What an operator's log shows by default: our own lines, not every SQL statement or framework request.</summary>
public sealed class LogLevelTests
{
    [Fact]
    public async Task Statements_and_framework_request_lines_stay_out_of_the_default_log_and_warnings_do_not()
    {
        await using var server = await KoniferTestServer.StartAsync();
        var loggers = server.Services.GetRequiredService<ILoggerFactory>();

        Assert.False(loggers.CreateLogger("Npgsql.Command").IsEnabled(LogLevel.Information));
        Assert.True(loggers.CreateLogger("Npgsql.Connection").IsEnabled(LogLevel.Warning));
        Assert.False(loggers.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Information));
        Assert.True(loggers.CreateLogger("Konifer.Assets.StoreAsset").IsEnabled(LogLevel.Information));
    }
}
