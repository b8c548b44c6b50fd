namespace Konifer.Bench.Upload;

/// <summary>What one store configuration achieved in the measured window.</summary>
public sealed record UploadResult(string Stores, int Concurrency, TimeSpan Window, int Uploads, int Errors, long Bytes, IReadOnlyList<double> LatenciesMs)
{
    public double UploadsPerSecond => Uploads / Window.TotalSeconds;

    public double MebibytesPerSecond => Bytes / Window.TotalSeconds / (1024 * 1024);

    /// <summary>Nearest-rank percentile of the successful uploads' latencies.</summary>
    public double Percentile(double p)
    {
        if (LatenciesMs.Count == 0) return double.NaN;
        var sorted = LatenciesMs.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
