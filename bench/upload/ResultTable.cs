using System.Globalization;

namespace Konifer.Bench.Upload;

/// <summary>Prints the results as a Markdown table, ready to paste into bench/README.md.</summary>
public static class ResultTable
{
    public static void Print(TextWriter output, IEnumerable<UploadResult> results)
    {
        output.WriteLine("| stores | clients | window s | uploads | errors | uploads/s | MiB/s | p50 ms | p95 ms | p99 ms |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {Name(r.Stores)} | {r.Concurrency} | {r.Window.TotalSeconds:0} | {r.Uploads} | {r.Errors} | {r.UploadsPerSecond:0.0} | {r.MebibytesPerSecond:0.0} | {r.Percentile(50):0} | {r.Percentile(95):0} | {r.Percentile(99):0} |"));
        }
    }

    private static string Name(string stores) => stores switch
    {
        "pg-fs" => "PostgreSQL + filesystem",
        "pg-s3" => "PostgreSQL + S3 (s3rver)",
        _ => stores,
    };
}
