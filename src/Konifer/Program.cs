using Konifer.Hosting;
using Konifer.Imaging;

// First, before anything touches NetVips: its module initialiser runs vips_init, which reads VIPSHOME.
VipsHome.Repair();
var app = KoniferApp.Build(args);
app.Run();

public partial class Program;
