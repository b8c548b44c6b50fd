using Npgsql;

namespace Konifer.Bench.Upload;

/// <summary>
/// The floor an upload cannot go below on this machine: the same bytes written to a temporary file, flushed to
/// disk and renamed over their name (as the filesystem store does), plus one INSERT of a row into PostgreSQL.
/// No HTTP, no multipart, no image inspection, a single statement instead of reserve-then-mark-ready.
/// </summary>
public sealed class Limit : IAsyncDisposable
{
    private readonly NpgsqlDataSource _database;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "konifer-bench-limit-" + Guid.NewGuid().ToString("N")[..8]);
    private long _sequence;

    private Limit(NpgsqlDataSource database) => _database = database;

    /// <summary>Creates the table <c>bench_limit</c> in <paramref name="database"/> and an empty directory.</summary>
    public static async Task<Limit> CreateAsync(NpgsqlConnectionStringBuilder database)
    {
        var limit = new Limit(NpgsqlDataSource.Create(database.ConnectionString));
        await using (var create = limit._database.CreateCommand(
            "CREATE TABLE bench_limit (id bigserial PRIMARY KEY, path text NOT NULL, size bigint NOT NULL, created_at timestamptz NOT NULL DEFAULT now())"))
            await create.ExecuteNonQueryAsync();
        Directory.CreateDirectory(limit._directory);
        return limit;
    }

    public async Task<bool> StoreAsync(int client, byte[] image)
    {
        var name = $"client{client}-{Interlocked.Increment(ref _sequence)}";
        var file = Path.Combine(_directory, name);
        var temporary = Path.Combine(_directory, ".tmp-" + Guid.NewGuid().ToString("N"));
        var output = new FileStream(temporary, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
            BufferSize = 81920,
            PreallocationSize = image.Length,
        });
        await using (output)
        {
            await output.WriteAsync(image);
            await output.FlushAsync();
            output.Flush(flushToDisk: true);
        }
        File.Move(temporary, file);
        await using var insert = _database.CreateCommand("INSERT INTO bench_limit (path, size) VALUES ($1, $2)");
        insert.Parameters.Add(new NpgsqlParameter { Value = name });
        insert.Parameters.Add(new NpgsqlParameter { Value = (long)image.Length });
        return await insert.ExecuteNonQueryAsync() == 1;
    }

    /// <summary>Removes the files written so far (between windows, so the disk does not fill up over a run).</summary>
    public void Clear()
    {
        Directory.Delete(_directory, recursive: true);
        Directory.CreateDirectory(_directory);
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
