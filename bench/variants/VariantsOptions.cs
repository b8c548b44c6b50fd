namespace Konifer.Bench.Variants;

/// <summary>The command line of this tool; every figure's cost is set here, so a quick run is only smaller numbers.</summary>
internal sealed record VariantsOptions(
    string Scenario,
    string? Input,
    int Runs,
    int Iterations,
    double Seconds,
    int Clients,
    int Uploads,
    IReadOnlyList<int> Workers,
    string? Out)
{
    public bool Runs1Miss => Scenario is "miss" or "all";
    public bool Runs4Eager => Scenario is "eager" or "all";

    public static VariantsOptions Parse(string[] args)
    {
        var a = new BenchArgs(args, "--scenario", "--input", "--runs", "--iterations", "--seconds", "--clients", "--uploads", "--workers");
        var scenario = a.String("--scenario") ?? "all";
        if (scenario is not ("miss" or "eager" or "all"))
            throw new ArgumentException($"--scenario must be miss, eager or all, but is '{scenario}'.");
        var workers = a.String("--workers") is { } list
            ? list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray()
            : new[] { 1, 2, Math.Max(4, Environment.ProcessorCount) }.Distinct().ToArray();
        var options = new VariantsOptions(scenario, a.String("--input"), a.Int("--runs", 5), a.Int("--iterations", 15),
            a.Double("--seconds", 5), a.Int("--clients", Environment.ProcessorCount), a.Int("--uploads", 16), workers, a.Out);
        if (options.Runs < 1 || options.Iterations < 1 || options.Seconds <= 0 || options.Clients < 1 || options.Uploads < 1 ||
            workers.Length == 0 || workers.Any(w => w < 1))
            throw new ArgumentException("--runs, --iterations, --seconds, --clients, --uploads and every --workers count must be positive.");
        return options;
    }
}
