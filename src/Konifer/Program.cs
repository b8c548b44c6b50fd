using Konifer.Configuration;
using Konifer.Hocon;
using Konifer.Hosting;
using Konifer.Imaging;
using Konifer.Observability;
using Konifer.Storage;

// First, before anything touches NetVips: its module initialiser runs vips_init, which reads VIPSHOME.
VipsHome.Repair();
try
{
    // --help, --version and --check-config answer without starting Kestrel or touching a store.
    if (CommandLine.Run(args, Console.Out) is { } exitCode) return exitCode;
    // Before the first logger exists: it keeps the writer it finds (see BufferedStandardOutput for why).
    using var standardOutput = BufferedStandardOutput.Install();
    var app = KoniferApp.Build(args);
    app.Run();
    return 0;
}
catch (Exception e) when (e is VipsStartupException or ConfigurationException or HoconException or StoreStartupException)
{
    // The operator's machine or file is at fault, not the program: one line naming the key or the dependency, and
    // EX_CONFIG (78) rather than an abort with a stack trace.
    Console.Error.WriteLine("konifer: " + e.Message);
    return 78;
}

public partial class Program;
