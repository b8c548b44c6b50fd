namespace Konifer.Hosting;

/// <summary>How the host finds its configuration; tests replace the process environment with their own.</summary>
public sealed class KoniferHostOptions
{
    /// <summary>Looks up environment variables (KONIFER_CONFIG, IN_MEMORY, PG_USER, …).</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    public string CurrentDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>Overrides <c>ASPNETCORE_URLS</c>; tests use <c>http://127.0.0.1:0</c>.</summary>
    public string? Urls { get; init; }

    /// <summary>Runs after the services are registered; tests replace one (a clock, a transformer) with their own.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }
}
