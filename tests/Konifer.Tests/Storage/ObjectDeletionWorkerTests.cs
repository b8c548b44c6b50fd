using Konifer.Core.Assets;
using Konifer.Core.Images;
using Konifer.Core.Storage;
using Konifer.Storage.Metadata;
using Konifer.Storage.Objects;
using Konifer.Storage.Outbox;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Konifer.Tests.Storage;

public sealed class ObjectDeletionWorkerTests : IAsyncDisposable
{
    private static readonly AssetPath Path = AssetPath.Parse("/users/1/avatar");

    private readonly InMemoryAssetRepository _repository = new();
    private readonly InMemoryObjectStore _objects = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly ObjectDeletionSignal _signal = new();
    private readonly CapturingLogger<ObjectDeletionWorker> _logger = new();
    private ObjectDeletionWorker? _worker;

    private static CancellationToken None => CancellationToken.None;

    private async Task<ObjectLocation> StoreAssetWithObjectAsync(string bucket = "assets")
    {
        var location = ObjectLocation.NewFor(bucket, ImageFormat.Png);
        await _objects.PutAsync(location, new MemoryStream([1, 2, 3]), 3, "image/png", None);
        var pending = new PendingAsset(Path, AssetInformation.Empty, AssetSource.Upload, null, location,
            new ImageAttributes(1, 1, ImageFormat.Png, 1, null, "srgb"), Lqip.None, _time.GetUtcNow());
        var created = await _repository.CreatePendingAsync(pending, None);
        await _repository.MarkReadyAsync(created.Id, None);
        return location;
    }

    private Task<int> DeleteAssetsAsync() =>
        _repository.DeleteAsync(Path, new AssetQuery(null, AssetOrder.New, new Dictionary<string, string>(), AssetQuery.All), None);

    private async Task<ObjectDeletionWorker> StartWorkerAsync(IObjectDeletionOutbox outbox, IObjectStore store, TimeSpan? pollInterval = null)
    {
        var settings = new ObjectDeletionWorkerSettings { PollInterval = pollInterval ?? TimeSpan.FromSeconds(1) };
        _worker = new ObjectDeletionWorker(outbox, store, _signal, settings, _time, _logger);
        await _worker.StartAsync(None);
        return _worker;
    }

    /// <summary>Waits (in real time, at most 10 s) until the condition holds, moving the fake clock on by a step each round.</summary>
    private async Task EventuallyAsync(Func<Task<bool>> condition, TimeSpan? advanceBy = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("The condition did not come true within 10 s.");
            if (advanceBy is { } step) _time.Advance(step);
            await Task.Delay(5);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_worker is not null)
        {
            await _worker.StopAsync(None);
            _worker.Dispose();
        }
        _signal.Dispose();
    }

    [Fact]
    public async Task A_deleted_assets_object_is_removed_and_the_outbox_empties()
    {
        var location = await StoreAssetWithObjectAsync();
        await DeleteAssetsAsync();
        await StartWorkerAsync(_repository, _objects);

        await EventuallyAsync(async () => await _repository.CountAsync(None) == 0, TimeSpan.FromSeconds(1));

        Assert.False(await _objects.ExistsAsync(location, None));
    }

    [Fact]
    public async Task A_failing_object_store_is_retried_until_the_object_is_gone()
    {
        var location = await StoreAssetWithObjectAsync();
        await DeleteAssetsAsync();
        var store = new FlakyObjectStore(_objects, failures: 3);
        await StartWorkerAsync(_repository, store);

        await EventuallyAsync(async () => await _repository.CountAsync(None) == 0, TimeSpan.FromSeconds(1));

        Assert.False(await _objects.ExistsAsync(location, None));
        Assert.Equal(4, store.DeleteAttempts);
        var warnings = _logger.Entries.Where(e => e.Level == LogLevel.Warning).ToArray();
        Assert.Equal(3, warnings.Length);
        Assert.All(warnings, w =>
        {
            Assert.Equal(location.Key, w.Values["Key"]);
            Assert.IsType<IOException>(w.Exception);
        });
    }

    [Fact]
    public async Task A_failed_deletion_is_due_again_after_the_first_backoff_not_the_lease()
    {
        await StoreAssetWithObjectAsync();
        await DeleteAssetsAsync();
        var start = _time.GetUtcNow();
        var store = new FlakyObjectStore(_objects, failures: 1);
        await StartWorkerAsync(_repository, store, pollInterval: TimeSpan.FromHours(1)); // one pass, then it sleeps
        await EventuallyAsync(() => Task.FromResult(_logger.Entries.Any(e => e.Level == LogLevel.Warning)));

        // Claimed with a one-minute lease, then rescheduled one second after the failure.
        await EventuallyAsync(async () =>
            (await _repository.ClaimDueAsync(10, start.AddSeconds(1), TimeSpan.FromMinutes(1), None)).Count == 1);

        var warning = Assert.Single(_logger.Entries, e => e.Level == LogLevel.Warning);
        Assert.Equal(TimeSpan.FromSeconds(1), warning.Values["RetryDelay"]);
        Assert.Equal(1, warning.Values["Attempt"]);
    }

    [Fact]
    public async Task The_worker_survives_an_unreachable_outbox()
    {
        var location = await StoreAssetWithObjectAsync();
        await DeleteAssetsAsync();
        var outbox = new FlakyOutbox(_repository, failures: 2);
        var worker = await StartWorkerAsync(outbox, _objects);

        await EventuallyAsync(async () => await _repository.CountAsync(None) == 0, TimeSpan.FromSeconds(1));

        Assert.False(await _objects.ExistsAsync(location, None));
        Assert.False(worker.ExecuteTask!.IsCompleted);
        Assert.Equal(2, _logger.Entries.Count(e => e.Level == LogLevel.Error));
    }

    [Fact]
    public async Task A_nudge_wakes_the_worker_before_its_next_poll()
    {
        var outbox = new FlakyOutbox(_repository, failures: 0);
        await StartWorkerAsync(outbox, _objects, pollInterval: TimeSpan.FromHours(1));
        await EventuallyAsync(() => Task.FromResult(outbox.Claims >= 1)); // the first, empty pass is done
        var location = await StoreAssetWithObjectAsync();
        await DeleteAssetsAsync();

        _signal.Nudge();

        // The fake clock stands still, so only the nudge can have started this pass.
        await EventuallyAsync(async () => await _repository.CountAsync(None) == 0);
        Assert.False(await _objects.ExistsAsync(location, None));
    }

    [Fact]
    public async Task Stopping_interrupts_a_deletion_in_flight_and_leaves_it_in_the_outbox()
    {
        var location = await StoreAssetWithObjectAsync();
        await DeleteAssetsAsync();
        var store = new FlakyObjectStore(_objects, failures: 0) { Gate = new TaskCompletionSource() };
        var worker = await StartWorkerAsync(_repository, store);
        await EventuallyAsync(() => Task.FromResult(store.DeleteAttempts == 1));

        await worker.StopAsync(None);

        Assert.True(worker.ExecuteTask!.IsCompletedSuccessfully);
        Assert.Equal(1, await _repository.CountAsync(None));
        Assert.True(await _objects.ExistsAsync(location, None));
    }

    [Fact]
    public async Task An_idle_worker_stops_cleanly()
    {
        var outbox = new FlakyOutbox(_repository, failures: 0);
        var worker = await StartWorkerAsync(outbox, _objects);
        await EventuallyAsync(() => Task.FromResult(outbox.Claims >= 1)); // running, now waiting for work

        await worker.StopAsync(None);

        Assert.True(worker.ExecuteTask!.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task A_location_the_store_refuses_is_dropped_with_an_error()
    {
        var bad = new ObjectLocation("assets", "../escape.png");
        var pending = new PendingAsset(Path, AssetInformation.Empty, AssetSource.Upload, null, bad,
            new ImageAttributes(1, 1, ImageFormat.Png, 1, null, "srgb"), Lqip.None, _time.GetUtcNow());
        await _repository.AbandonPendingAsync((await _repository.CreatePendingAsync(pending, None)).Id, None);
        await StartWorkerAsync(_repository, _objects);

        await EventuallyAsync(async () => await _repository.CountAsync(None) == 0, TimeSpan.FromSeconds(1));

        Assert.Contains(_logger.Entries, e => e.Level == LogLevel.Error && Equals(e.Values["Key"], bad.Key));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(9, 256)]
    [InlineData(10, 300)]
    [InlineData(1000, 300)]
    public void Backoff_doubles_from_one_second_up_to_five_minutes(int attempt, int expectedSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), new ObjectDeletionWorkerSettings().BackoffFor(attempt));
    }
}
