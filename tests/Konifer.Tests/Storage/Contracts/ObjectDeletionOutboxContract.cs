using Konifer.Core.Storage;

namespace Konifer.Tests.Storage.Contracts;

/// <summary><see cref="IObjectDeletionOutbox"/>: claiming with a lease, retrying later, completing, counting.</summary>
public abstract class ObjectDeletionOutboxContract : MetadataStoreContract
{
    // ---- outbox ----

    [Fact]
    public async Task A_claim_leases_its_entries_until_the_lease_runs_out()
    {
        var asset = await StoreAsync(P("lease"));
        await Entries.DeleteAsync(P("lease"), Query(), None);
        var now = Now;

        var first = Assert.Single(await ClaimAsync(ObjectsOf(asset), now, TimeSpan.FromMinutes(1)));
        Assert.Equal(1, first.Attempts);

        Assert.Empty(await ClaimAsync(ObjectsOf(asset), now, TimeSpan.FromMinutes(1)));
        Assert.Empty(await ClaimAsync(ObjectsOf(asset), now.AddSeconds(59), TimeSpan.FromMinutes(1)));

        var second = Assert.Single(await ClaimAsync(ObjectsOf(asset), now.AddSeconds(61), TimeSpan.FromMinutes(1)));
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(2, second.Attempts);
    }

    [Fact]
    public async Task Retry_later_makes_an_entry_due_at_the_given_time()
    {
        var asset = await StoreAsync(P("retry"));
        await Entries.DeleteAsync(P("retry"), Query(), None);
        var now = Now;
        var claimed = Assert.Single(await ClaimAsync(ObjectsOf(asset), now, TimeSpan.FromSeconds(10)));

        await Outbox.RetryLaterAsync(claimed.Id, now.AddMinutes(10), "store unavailable", None);

        Assert.Empty(await ClaimAsync(ObjectsOf(asset), now.AddMinutes(5), TimeSpan.FromSeconds(10)));
        var again = Assert.Single(await ClaimAsync(ObjectsOf(asset), now.AddMinutes(10), TimeSpan.FromSeconds(10)));
        Assert.Equal(claimed.Id, again.Id);
    }

    [Fact]
    public async Task Complete_removes_the_entry_for_good()
    {
        var asset = await StoreAsync(P("complete"));
        await Entries.DeleteAsync(P("complete"), Query(), None);
        var now = Now;
        var claimed = Assert.Single(await ClaimAsync(ObjectsOf(asset), now, TimeSpan.FromSeconds(1)));
        var before = await Outbox.CountAsync(None);

        await Outbox.CompleteAsync(claimed.Id, None);

        Assert.Equal(before - 1, await Outbox.CountAsync(None));
        Assert.Empty(await ClaimAsync(ObjectsOf(asset), now.AddHours(1), TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task Deletes_grow_the_outbox_count()
    {
        var assets = new[] { await StoreAsync(P("count")), await StoreAsync(P("count")) };
        var before = await Outbox.CountAsync(None);

        await Entries.DeleteAsync(P("count"), Query(), None);

        Assert.Equal(before + ObjectsOf(assets).Count(), await Outbox.CountAsync(None));
    }

    [Fact]
    public async Task A_claim_takes_at_most_max_entries()
    {
        for (var i = 0; i < 3; i++) await StoreAsync(P("max"));
        await Entries.DeleteAsync(P("max"), Query(), None);

        var claimed = await Outbox.ClaimDueAsync(2, Now, TimeSpan.FromMinutes(1), None);

        Assert.Equal(2, claimed.Count);
    }
}
