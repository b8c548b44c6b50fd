using Konifer.Hosting;
using Konifer.Imaging;

// First, before anything touches NetVips: its module initialiser runs vips_init, which reads VIPSHOME.
VipsHome.Repair();
WebApplication app;
try
{
    app = KoniferApp.Build(args);
}
catch (VipsStartupException e)
{
    // A missing codec is the machine's fault, not a crash: one line, and EX_CONFIG (78) rather than an abort.
    Console.Error.WriteLine("konifer: " + e.Message);
    return 78;
}
app.Run();
return 0;

public partial class Program;
