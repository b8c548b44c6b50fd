using Konifer.Hosting;

var app = KoniferApp.Build(args);
app.Run();

public partial class Program;
