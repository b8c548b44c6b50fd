using System.Diagnostics;
using Amazon.S3;
using Konifer.Configuration;
using Konifer.Storage.Objects.S3;

namespace Konifer.Tests.Storage.S3;

/// <summary>
/// The S3-compatible server the S3 tests talk to: the one named by <c>KONIFER_TEST_S3</c> (an endpoint URL whose
/// server has the buckets <see cref="Bucket"/> and <see cref="OtherBucket"/>), or else a private s3rver started with
/// <c>scripts/start-s3</c> in a temporary state directory and stopped at the end. When no server can be had, every
/// test of the collection fails with the reason; none is skipped.
/// </summary>
public sealed class S3Server : IAsyncLifetime
{
    public const string EndpointVariable = "KONIFER_TEST_S3";
    public const string Bucket = "assets";
    public const string OtherBucket = "konifer-test";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private string? _stateDirectory;

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Settings as konifer.conf would give them for this server (s3rver accepts any key).</summary>
    public S3Settings Settings => new(Endpoint.ToString(), "us-east-1", "S3RVER", "S3RVER", ForcePathStyle: true);

    public AmazonS3Client CreateClient() => S3ClientFactory.Create(Settings);

    /// <summary>Whether <paramref name="key"/> is in <see cref="Bucket"/>, asked of the server directly.</summary>
    public async Task<bool> ContainsAsync(string key)
    {
        using var direct = CreateClient();
        try
        {
            await direct.GetObjectMetadataAsync(Bucket, key);
            return true;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public async Task InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EndpointVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            Endpoint = new Uri(configured);
            return;
        }
        _stateDirectory = Path.Combine(Path.GetTempPath(), "konifer-s3-" + Guid.NewGuid().ToString("N"));
        var (status, output, errors) = await RunScriptAsync("start-s3");
        var endpoint = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (status != 0 || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
            throw new InvalidOperationException(
                $"No S3 server for the tests: scripts/start-s3 exited with {status}. Set {EndpointVariable} to an S3 endpoint " +
                $"with the buckets '{Bucket}' and '{OtherBucket}', or make Node.js and npm available.\n{errors}\n{output}");
        Endpoint = uri;
    }

    public async Task DisposeAsync()
    {
        if (_stateDirectory is null) return;
        await RunScriptAsync("stop-s3");
        if (Directory.Exists(_stateDirectory)) Directory.Delete(_stateDirectory, recursive: true);
    }

    private async Task<(int Status, string Output, string Errors)> RunScriptAsync(string name)
    {
        var script = Path.Combine(RepositoryRoot(), "scripts", name);
        var start = new ProcessStartInfo("bash", [script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["S3_STATE_DIR"] = _stateDirectory;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot run {script}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{script} did not finish within {StartTimeout.TotalMinutes} minutes.");
        }
        return (process.ExitCode, await output, await errors);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Konifer.slnx")))
                return directory.FullName;
        throw new InvalidOperationException($"No Konifer.slnx above {AppContext.BaseDirectory}: cannot find scripts/start-s3.");
    }
}
