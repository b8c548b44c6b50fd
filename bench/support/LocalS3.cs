namespace Konifer.Bench.Support;

/// <summary>A private s3rver (scripts/start-s3 with its own state directory) with the bucket "assets".</summary>
public sealed class LocalS3 : IAsyncDisposable
{
    private readonly string _root;
    private readonly Dictionary<string, string> _environment;

    public Uri Endpoint { get; private set; } = null!;

    private LocalS3(string root)
    {
        _root = root;
        _environment = new() { ["S3_STATE_DIR"] = Path.Combine(Path.GetTempPath(), "konifer-bench-s3-" + Guid.NewGuid().ToString("N")[..8]) };
    }

    public static async Task<LocalS3> StartAsync(string root)
    {
        var s3 = new LocalS3(root);
        var output = await Repository.RunScriptAsync(root, "start-s3", s3._environment);
        s3.Endpoint = new Uri(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Last());
        return s3;
    }

    public async ValueTask DisposeAsync()
    {
        await Repository.RunScriptAsync(_root, "stop-s3", _environment);
        Directory.Delete(_environment["S3_STATE_DIR"], recursive: true);
    }
}
