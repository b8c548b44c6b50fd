using Konifer.Core.Assets;
using Konifer.Core.Images;
using Konifer.Core.Storage;
using Konifer.Core.Transformations;
using Konifer.Variants.Jobs;

namespace Konifer.Tests.Storage.Contracts;

/// <summary>
/// <see cref="IGenerationJobQueue"/>: dedupe, leases, skip-locked takes, retry, release, renewal. The queue may be
/// shared with other tests, so each test looks only at the jobs of the assets it stored (takes ask for many at once).
/// </summary>
public abstract class GenerationJobQueueContract : IAsyncLifetime
{
    private readonly string _root = "j" + Guid.NewGuid().ToString("N")[..16];

    protected IAssetEntries Entries { get; private set; } = null!;

    protected IGenerationJobQueue Queue { get; private set; } = null!;

    /// <summary>The asset store (jobs need existing assets) and the queue under test, on the same store.</summary>
    protected abstract Task<(IAssetEntries Entries, IGenerationJobQueue Queue)> CreateAsync();

    public async Task InitializeAsync() => (Entries, Queue) = await CreateAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    protected static CancellationToken None => CancellationToken.None;

    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    /// <summary>Whole seconds (any database keeps them exactly), a little ahead so that new jobs are due.</summary>
    protected static DateTimeOffset Now { get; } = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 5);

    [Fact]
    public async Task A_taken_job_is_leased_to_its_taker_and_due_again_for_anyone_when_the_lease_runs_out()
    {
        var asset = await StoreAsync("lease");
        await EnqueueAsync(asset, Thumb(10));

        var first = Assert.Single(await TakeAsync(asset, "a", Now));
        Assert.Equal(1, first.Attempt);
        Assert.Equal((asset.Id, asset.Path, asset.EntryId, Thumb(10)), (first.AssetId, first.Path, first.EntryId, first.Transformation));

        Assert.Empty(await TakeAsync(asset, "b", Now));
        Assert.Empty(await TakeAsync(asset, "b", Now + Lease - TimeSpan.FromSeconds(1)));
        var second = Assert.Single(await TakeAsync(asset, "b", Now + Lease + TimeSpan.FromSeconds(1)));
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(2, second.Attempt);

        // The first taker lost its lease: it can neither complete nor retry the job that "b" holds now.
        Assert.False(await Queue.CompleteAsync(first.Id, "a", None));
        Assert.False(await Queue.RetryLaterAsync(first.Id, "a", Now, None));
        Assert.True(await Queue.CompleteAsync(second.Id, "b", None));
        Assert.Empty(await TakeAsync(asset, "c", Now.AddDays(1)));
    }

    [Fact]
    public async Task Two_takers_at_once_never_get_the_same_job_and_together_get_them_all()
    {
        var asset = await StoreAsync("skip");
        var transformations = Enumerable.Range(1, 40).Select(w => Thumb(w)).ToArray();
        await Queue.EnqueueAsync(transformations.Select(t => Job(asset, t)).ToList(), Now, None);

        async Task<List<GenerationJob>> TakeAllAsync(string owner)
        {
            var mine = new List<GenerationJob>();
            while (true)
            {
                var taken = await Queue.TakeAsync(owner, 3, Now, Lease, None);
                if (taken.Count == 0) return mine;
                mine.AddRange(taken.Where(j => j.AssetId == asset.Id));
            }
        }
        var takers = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => TakeAllAsync($"taker-{i}"))));

        var all = takers.SelectMany(t => t).ToList();
        Assert.Equal(all.Count, all.Select(j => j.Id).Distinct().Count());
        Assert.Equal(transformations.ToHashSet(), all.Select(j => j.Transformation).ToHashSet());
    }

    [Fact]
    public async Task A_job_is_queued_once_per_asset_and_transformation_until_it_is_done()
    {
        var asset = await StoreAsync("dedupe");
        await EnqueueAsync(asset, Thumb(20), Thumb(20));
        await EnqueueAsync(asset, Thumb(20));
        var taken = Assert.Single(await TakeAsync(asset, "a", Now));

        await EnqueueAsync(asset, Thumb(20)); // while it runs
        Assert.Empty(await TakeAsync(asset, "b", Now));

        Assert.True(await Queue.CompleteAsync(taken.Id, "a", None));
        await EnqueueAsync(asset, Thumb(20)); // done: a new request is a new job
        var again = Assert.Single(await TakeAsync(asset, "b", Now));
        Assert.NotEqual(taken.Id, again.Id);
        Assert.Equal(1, again.Attempt);
    }

    [Fact]
    public async Task A_failed_job_waits_for_its_retry_time_and_counts_its_attempts()
    {
        var asset = await StoreAsync("retry");
        await EnqueueAsync(asset, Thumb(30));
        var first = Assert.Single(await TakeAsync(asset, "a", Now));

        Assert.True(await Queue.RetryLaterAsync(first.Id, "a", Now.AddMinutes(10), None));

        Assert.Empty(await TakeAsync(asset, "a", Now.AddMinutes(5)));
        var second = Assert.Single(await TakeAsync(asset, "b", Now.AddMinutes(10)));
        Assert.Equal((first.Id, 2), (second.Id, second.Attempt));
    }

    [Fact]
    public async Task A_released_job_is_due_at_once_for_another_taker_and_its_attempt_is_given_back()
    {
        var asset = await StoreAsync("release");
        await EnqueueAsync(asset, Thumb(40), Thumb(41));
        var taken = await TakeAsync(asset, "a", Now);
        Assert.Equal(2, taken.Count);

        await Queue.ReleaseAsync("b", taken.Select(j => j.Id).ToList(), None); // not b's: nothing happens
        Assert.Empty(await TakeAsync(asset, "c", Now));
        await Queue.ReleaseAsync("a", [taken[0].Id], None);

        var again = Assert.Single(await TakeAsync(asset, "c", Now));
        Assert.Equal((taken[0].Id, 1), (again.Id, again.Attempt));
    }

    [Fact]
    public async Task Renewing_keeps_a_lease_and_a_lease_lost_to_another_taker_is_not_renewed()
    {
        var asset = await StoreAsync("renew");
        await EnqueueAsync(asset, Thumb(50));
        var taken = Assert.Single(await TakeAsync(asset, "a", Now));

        Assert.Equal([taken.Id], await Queue.RenewAsync("a", [taken.Id, -1], Now.AddMinutes(5), None));
        Assert.Empty(await Queue.RenewAsync("b", [taken.Id], Now.AddMinutes(50), None));
        Assert.Empty(await TakeAsync(asset, "b", Now.AddMinutes(4)));
        Assert.Single(await TakeAsync(asset, "b", Now.AddMinutes(6)));

        Assert.Empty(await Queue.RenewAsync("a", [taken.Id], Now.AddMinutes(20), None));
    }

    protected async Task<Asset> StoreAsync(string name)
    {
        var created = await Entries.CreatePendingAsync(new PendingAsset(AssetPath.Parse($"/{_root}/{name}"), new AssetInformation(null, new Dictionary<string, string>(), []),
            AssetSource.Upload, null, ObjectLocation.NewFor("assets", ImageFormat.Jpeg), new ImageAttributes(640, 480, ImageFormat.Jpeg, 1, null, "srgb"),
            Lqip.None, Now), None);
        return await Entries.MarkReadyAsync(created.Id, None) ?? throw new InvalidOperationException("not ready");
    }

    protected Task EnqueueAsync(Asset asset, params Transformation[] transformations) =>
        Queue.EnqueueAsync(transformations.Select(t => Job(asset, t)).ToList(), Now, None);

    /// <summary>Takes every due job for <paramref name="owner"/> and keeps this asset's (others' stay leased to nobody that matters).</summary>
    protected async Task<List<GenerationJob>> TakeAsync(Asset asset, string owner, DateTimeOffset now) =>
        (await Queue.TakeAsync(owner, 1000, now, Lease, None)).Where(j => j.AssetId == asset.Id).ToList();

    protected static NewGenerationJob Job(Asset asset, Transformation transformation) => new(asset.Id, asset.Path, asset.EntryId, transformation);

    protected static Transformation Thumb(int width) =>
        new(width, width, Fit.Fit, Gravity.Center, ImageFormat.Webp, Rotation.Zero, Flip.None, Filter.None, 0, 80, Padding.None, MetadataStrip.None, ColorSpace.Srgb);
}
