// Variant benchmarks of issue 6, scenario 1 (on-demand variant on a cache miss: Konifer vs ipx vs libvips alone) and
// scenario 4 (eager variants per second by worker count). Each writes a BenchReport; see bench/README.md.
// Usage: dotnet run -c Release --project bench/variants -- [--scenario miss|eager|all] [--out DIR] [--input photo.jpg]
//        [--runs 5] [--iterations 15] [--seconds 5] [--clients CORES] [--uploads 16] [--workers 1,2,4]
using Konifer.Bench;
using Konifer.Bench.Variants;

var options = VariantsOptions.Parse(args);
var work = Directory.CreateTempSubdirectory("konifer-bench-variants-").FullName;
try
{
    var photo = options.Input ?? Path.Combine(work, "photo.jpg");
    if (options.Input is null) SourcePhoto.Generate(photo);
    if (options.Runs1Miss) (await MissScenario.RunAsync(options, photo, work)).Write(Console.Out, options.Out);
    if (options.Runs4Eager) (await EagerScenario.RunAsync(options, photo, work)).Write(Console.Out, options.Out);
}
finally
{
    Directory.Delete(work, recursive: true);
}
