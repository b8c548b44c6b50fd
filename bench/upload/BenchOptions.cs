using System.Globalization;

namespace Konifer.Bench.Upload;

/// <summary>Command-line options; every run is bounded by warm-up plus duration per store configuration.</summary>
public sealed record BenchOptions(TimeSpan Duration, TimeSpan Warmup, int Concurrency, IReadOnlyList<string> Stores)
{
    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(3), 8, ["pg-fs", "pg-s3"]);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--seconds" => options with { Duration = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                "--warmup" => options with { Warmup = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                "--concurrency" => options with { Concurrency = int.Parse(value, CultureInfo.InvariantCulture) },
                "--stores" => options with { Stores = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                _ => throw new ArgumentException($"Unknown option {args[i]}; use --seconds, --warmup, --concurrency, --stores pg-fs,pg-s3"),
            };
        }
        foreach (var stores in options.Stores)
            if (stores is not ("pg-fs" or "pg-s3")) throw new ArgumentException($"Unknown stores '{stores}': use pg-fs or pg-s3");
        return options;
    }
}
