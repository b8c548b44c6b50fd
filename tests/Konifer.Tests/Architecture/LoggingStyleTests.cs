using ArchUnitNET.Loader;
using Konifer.Hosting;

namespace Konifer.Tests.Architecture;

/// <summary>
/// One logging style: every log line is a <c>[LoggerMessage]</c> method, whose text, level and event id are declared
/// once and which costs nothing when its level is off. Read from the compiled assembly, lambdas included.
/// </summary>
public sealed class LoggingStyleTests
{
    private static readonly Lazy<ArchUnitNET.Domain.Architecture> Server = new(() =>
        new ArchLoader().LoadAssemblies(typeof(KoniferApp).Assembly).Build());

    [Fact]
    public void No_code_calls_the_LogX_extension_methods()
    {
        var callers = Callers("Microsoft.Extensions.Logging.LoggerExtensions");

        Assert.True(callers.Count == 0, "use a [LoggerMessage] method instead of logger.LogX(...) in:\n" + string.Join("\n", callers));
    }

    [Fact]
    public void The_check_sees_the_generated_log_methods()
    {
        // A rule that reads nothing passes for nothing: the generated methods call LoggerMessage.Define.
        Assert.NotEmpty(Callers("Microsoft.Extensions.Logging.LoggerMessage"));
    }

    private static List<string> Callers(string typeName) =>
        Server.Value.Types
            .Where(type => type.Dependencies.Any(dependency => dependency.Target.FullName == typeName))
            .Select(type => type.FullName)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
}
