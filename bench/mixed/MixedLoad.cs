using System.Diagnostics;
using System.Globalization;
using System.Net;
using Konifer.Bench.Support;

namespace Konifer.Bench.Mixed;

/// <summary>The kinds of request a client picks from (their shares are <see cref="MixedLoad.Mix"/>).</summary>
public enum RequestKind { Upload, NewThumbnail, RepeatThumbnail, Info, Link, Delete }

/// <summary>
/// One step of a client of the mixed load. Uploads go to one of a few paths per client and their entries join a
/// ring of the most recent ones; thumbnails, info and links are asked of entries in that ring (a new width = a new
/// variant, or a width already served = a stored one); an entry pushed out of the ring may be deleted once no
/// request to it is in flight, so no read races a delete and every non-2xx answer is a real error.
/// </summary>
public sealed class MixedLoad(HttpClient client, byte[] photo, int recentEntries = 200)
{
    /// <summary>Percent of the picks per kind (a delete with nothing to delete becomes an info).</summary>
    public static readonly IReadOnlyList<(RequestKind Kind, int Percent)> Mix =
    [
        (RequestKind.Upload, 15), (RequestKind.NewThumbnail, 15), (RequestKind.RepeatThumbnail, 35),
        (RequestKind.Info, 15), (RequestKind.Link, 15), (RequestKind.Delete, 5),
    ];

    private static readonly int[] Widths = Enumerable.Range(3, 38).Select(i => i * 16).ToArray(); // 48..640 px

    private readonly Lock _gate = new();
    private readonly List<Entry> _recent = [];
    private readonly List<Entry> _evicted = [];
    private readonly Dictionary<RequestKind, KindResult> _results = Enum.GetValues<RequestKind>().ToDictionary(k => k, _ => new KindResult());

    public IReadOnlyDictionary<RequestKind, KindResult> Results => _results;

    /// <summary>One upload per client before the window, so that reads have something to ask for; not counted.</summary>
    public Task SeedAsync(int clients) =>
        Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            using var response = await UploadAsync(c);
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"A seeding upload answered {(int)response.StatusCode}.");
        })));

    public async Task<bool> StepAsync(int clientId)
    {
        Target target;
        lock (_gate) target = Choose(Pick());
        var (kind, entry, url, width) = target;
        var result = _results[kind];
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = kind switch
            {
                RequestKind.Upload => await UploadAsync(clientId),
                RequestKind.Delete => await client.DeleteAsync(url),
                _ => await client.GetAsync(url),
            };
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (kind is RequestKind.NewThumbnail or RequestKind.RepeatThumbnail && response.Headers.TryGetValues("K-Cache-Status", out var status))
                result.CacheStatus(status.First());
            if (!response.IsSuccessStatusCode)
            {
                result.Failed(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
                return false;
            }
            result.Succeeded(elapsed);
            if (kind == RequestKind.NewThumbnail) lock (_gate) if (!entry!.Widths.Contains(width)) entry.Widths.Add(width);
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            result.Failed(e.GetType().Name);
            return false;
        }
        finally
        {
            if (entry is not null) lock (_gate) entry.InFlight--;
        }
    }

    private static RequestKind Pick()
    {
        var roll = Random.Shared.Next(100);
        foreach (var (kind, percent) in Mix)
            if ((roll -= percent) < 0) return kind;
        return RequestKind.Info;
    }

    /// <summary>Chooses the entry, URL and width for <paramref name="kind"/> (under the lock); a delete with no idle evicted entry becomes an info.</summary>
    private Target Choose(RequestKind kind)
    {
        if (kind == RequestKind.Upload) return new Target(kind, null, null, 0);
        if (kind == RequestKind.Delete)
        {
            var idle = _evicted.FindIndex(e => e.InFlight == 0);
            if (idle >= 0)
            {
                var gone = _evicted[idle];
                _evicted.RemoveAt(idle);
                return new Target(kind, null, $"{gone.Path}/-/entry/{gone.Id}", 0);
            }
            kind = RequestKind.Info;
        }
        var entry = _recent[Random.Shared.Next(_recent.Count)];
        if (kind == RequestKind.RepeatThumbnail)
        {
            var served = _recent.Where(e => e.Widths.Count > 0).ToList();
            if (served.Count == 0) kind = RequestKind.NewThumbnail;
            else entry = served[Random.Shared.Next(served.Count)];
        }
        entry.InFlight++;
        var width = 0;
        if (kind == RequestKind.RepeatThumbnail) width = entry.Widths[Random.Shared.Next(entry.Widths.Count)];
        if (kind == RequestKind.NewThumbnail)
        {
            var fresh = Widths.Except(entry.Widths).ToArray();
            width = fresh.Length > 0 ? fresh[Random.Shared.Next(fresh.Length)] : Widths[Random.Shared.Next(Widths.Length)];
        }
        var url = kind switch
        {
            RequestKind.Info => $"{entry.Path}/-/entry/{entry.Id}/info",
            RequestKind.Link => $"{entry.Path}/-/entry/{entry.Id}/link",
            _ => $"{entry.Path}/-/entry/{entry.Id}/content?w={width}&format=webp",
        };
        return new Target(kind, entry, url, width);
    }

    private async Task<HttpResponseMessage> UploadAsync(int clientId)
    {
        var path = $"/assets/mixed/client{clientId}/photo{Random.Shared.Next(4)}";
        var response = await client.PostAsync(path, Multipart.Jpeg(photo));
        if (response.StatusCode == HttpStatusCode.Created && response.Headers.Location is { } location)
        {
            var id = long.Parse(location.OriginalString[(location.OriginalString.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);
            lock (_gate)
            {
                _recent.Add(new Entry(path, id));
                if (_recent.Count > recentEntries)
                {
                    _evicted.Add(_recent[0]);
                    _recent.RemoveAt(0);
                }
            }
        }
        return response;
    }

    private readonly record struct Target(RequestKind Kind, Entry? Entry, string? Url, int Width);

    private sealed class Entry(string path, long id)
    {
        public string Path { get; } = path;
        public long Id { get; } = id;
        public List<int> Widths { get; } = [];
        public int InFlight { get; set; }
    }
}

/// <summary>Latencies of one kind's successes, and what its failures answered (status code or exception).</summary>
public sealed class KindResult
{
    private readonly Lock _gate = new();
    private readonly List<double> _latencies = [];
    private readonly Dictionary<string, int> _failures = [];
    private readonly Dictionary<string, int> _cacheStatus = [];

    public IReadOnlyList<double> LatenciesMs { get { lock (_gate) return _latencies.ToArray(); } }

    public int Errors { get { lock (_gate) return _failures.Values.Sum(); } }

    public int Count { get { lock (_gate) return _latencies.Count + _failures.Values.Sum(); } }

    /// <summary>"503×3, 404×1", most frequent first; "" when none.</summary>
    public string FailureSummary { get { lock (_gate) return Summary(_failures); } }

    /// <summary>The K-Cache-Status answers seen ("miss×40, hit×2").</summary>
    public string CacheSummary { get { lock (_gate) return Summary(_cacheStatus); } }

    public void Succeeded(double ms) { lock (_gate) _latencies.Add(ms); }

    public void Failed(string what) { lock (_gate) _failures[what] = _failures.GetValueOrDefault(what) + 1; }

    public void CacheStatus(string status) { lock (_gate) _cacheStatus[status] = _cacheStatus.GetValueOrDefault(status) + 1; }

    private static string Summary(Dictionary<string, int> counts) =>
        string.Join(", ", counts.OrderByDescending(c => c.Value).Select(c => $"{c.Key}×{c.Value}"));
}
