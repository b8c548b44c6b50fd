using Konifer.Bench.Upload;

// Upload throughput and latency of the real server (in this process, on loopback) on the production stores.
// Usage: dotnet run -c Release --project bench/upload -- [--seconds 20] [--warmup 3] [--concurrency 8] [--stores pg-fs,pg-s3]
var options = BenchOptions.Parse(args);
var repository = Repository.Root;
var image = BenchImage.Jpeg(1024, 768);
Console.Error.WriteLine($"bench: {image.Length / 1024} KiB JPEG, {options.Concurrency} clients, {options.Warmup.TotalSeconds:0} s warm-up, {options.Duration.TotalSeconds:0} s measured per store");

var results = new List<UploadResult>();
await using (var postgres = await LocalPostgres.StartAsync(repository))
{
    foreach (var stores in options.Stores)
    {
        await using var s3 = stores == "pg-s3" ? await LocalS3.StartAsync(repository) : null;
        var database = await postgres.CreateDatabaseAsync();
        await using var server = await BenchServer.StartAsync(stores, database, s3?.Endpoint);
        Console.Error.WriteLine($"bench: {stores} on {server.BaseAddress}");
        results.Add(await UploadLoad.RunAsync(stores, server.BaseAddress, image, options));
    }
}
ResultTable.Print(Console.Out, results);
