using Konifer.Core.Transformations;
using Microsoft.Extensions.Logging;

namespace Konifer.Variants.Claims;

/// <summary>
/// One generation per variant across the instances of a shared store. A miss claims the variant first: the claimant
/// generates it, renewing its lease every third of it while the work runs (a long AVIF or JPEG XL encode outlasts a
/// lease), and releases the claim when the variant is ready or the work failed. Another instance that finds the claim
/// held waits instead, woken by the release (<see cref="IGenerationClaims.Watch"/>) or, should that news be lost, by
/// a re-check every <see cref="RecheckInterval"/>; when the variant is ready it serves that one. A claim released
/// without a variant (the holder failed) or whose lease ran out (the holder died) is taken over: the waiter generates.
/// </summary>
/// <remarks>
/// Waiting is part of the job the scheduler runs, so <c>variant-generation.timeout</c> bounds it as it bounds the
/// work: a client waits at most that long, then gets the same timeout answer as for its own generation.
/// </remarks>
public sealed partial class ClaimedGeneration(
    IGenerationClaims claims, InstanceId instance, TimeSpan lease, TimeProvider clock, ILogger<ClaimedGeneration> logger)
{
    /// <summary>The longest a waiter goes without looking again, should a release's notification be lost.</summary>
    public static readonly TimeSpan MaxRecheck = TimeSpan.FromSeconds(1);

    private long _claims;

    /// <summary><c>variant-generation.claim-lease</c>.</summary>
    public TimeSpan Lease => lease;

    /// <summary>A third of the lease, at most <see cref="MaxRecheck"/>.</summary>
    public TimeSpan RecheckInterval => lease / 3 < MaxRecheck ? lease / 3 : MaxRecheck;

    /// <summary>
    /// Returns the variant made by whoever held the claim, or by <paramref name="generate"/> once this call holds it.
    /// </summary>
    /// <param name="findReady">Reads the ready variant from the store itself: a cache might still answer "none".</param>
    /// <param name="generate">Makes the variant and records it ready; runs only while this call holds the claim.</param>
    public async Task<T> RunAsync<T>(Guid assetId, Transformation transformation, Func<CancellationToken, Task<T?>> findReady,
        Func<CancellationToken, Task<T>> generate, CancellationToken cancellationToken) where T : class
    {
        ArgumentNullException.ThrowIfNull(transformation);
        ArgumentNullException.ThrowIfNull(findReady);
        ArgumentNullException.ThrowIfNull(generate);
        // Each call claims under its own owner, so two calls of this process (a request, an eager job) exclude each
        // other as two instances do; the instance id in it says where the claim comes from.
        var owner = $"{instance.Value}#{Interlocked.Increment(ref _claims)}";
        var waitStarted = (long?)null;
        while (true)
        {
            // Watch before looking, so that a release between the look and the wait still wakes this caller.
            using var watch = claims.Watch(assetId);
            var attempt = await claims.TryClaimAsync(assetId, transformation, owner, lease, cancellationToken).ConfigureAwait(false);
            if (attempt.Outcome == ClaimOutcome.AssetGone) return await generate(cancellationToken).ConfigureAwait(false);
            if (attempt.Outcome == ClaimOutcome.Claimed)
            {
                if (waitStarted is { } since) LogTakingOver(logger, transformation, assetId, (int)clock.GetElapsedTime(since).TotalMilliseconds);
                return await GenerateClaimedAsync(assetId, transformation, owner, findReady, generate, cancellationToken).ConfigureAwait(false);
            }
            if (await findReady(cancellationToken).ConfigureAwait(false) is { } ready)
            {
                if (waitStarted is { } since) LogServedWaited(logger, transformation, assetId, (int)clock.GetElapsedTime(since).TotalMilliseconds);
                return ready;
            }
            if (waitStarted is null)
            {
                waitStarted = clock.GetTimestamp();
                LogWaiting(logger, transformation, assetId, attempt.Holder ?? "another instance");
            }
            // Look again when the holder's lease runs out, if that comes before the next re-check.
            var wait = attempt.LeaseLeft > TimeSpan.Zero && attempt.LeaseLeft < RecheckInterval ? attempt.LeaseLeft : RecheckInterval;
            await watch.WaitAsync(wait, clock, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<T> GenerateClaimedAsync<T>(Guid assetId, Transformation transformation, string owner,
        Func<CancellationToken, Task<T?>> findReady, Func<CancellationToken, Task<T>> generate, CancellationToken cancellationToken) where T : class
    {
        try
        {
            // Another instance may have made it between this request's miss and the claim.
            if (await findReady(cancellationToken).ConfigureAwait(false) is { } ready) return ready;
            using var renewing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var renewal = RenewWhileRunningAsync(assetId, transformation, owner, renewing.Token);
            try
            {
                return await generate(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await renewing.CancelAsync().ConfigureAwait(false);
                await renewal.ConfigureAwait(false);
            }
        }
        finally
        {
            await ReleaseAsync(assetId, transformation, owner).ConfigureAwait(false);
        }
    }

    /// <summary>Renews every third of the lease until cancelled; never throws (a failed renewal leaves two thirds to retry).</summary>
    private async Task RenewWhileRunningAsync(Guid assetId, Transformation transformation, string owner, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await Task.Delay(lease / 3, clock, cancellationToken).ConfigureAwait(false);
                if (!await claims.RenewAsync(assetId, transformation, owner, lease, cancellationToken).ConfigureAwait(false))
                {
                    // Taken over after this instance missed renewals: both generate now, and the store keeps one.
                    LogClaimLost(logger, transformation, assetId);
                    return;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogRenewFailed(logger, e, transformation, assetId);
            }
        }
    }

    /// <summary>Not cancelled, and never throws: a claim that cannot be released lapses after its lease, then waiters take over.</summary>
    private async Task ReleaseAsync(Guid assetId, Transformation transformation, string owner)
    {
        try
        {
            await claims.ReleaseAsync(assetId, transformation, owner, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogReleaseFailed(logger, e, transformation, assetId, lease.TotalSeconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Variant {Transformation} of asset {AssetId} is being generated by {Holder}: waiting for it")]
    private static partial void LogWaiting(ILogger logger, Transformation transformation, Guid assetId, string holder);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Variant {Transformation} of asset {AssetId} was generated elsewhere; served after waiting {Elapsed} ms")]
    private static partial void LogServedWaited(ILogger logger, Transformation transformation, Guid assetId, int elapsed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Variant {Transformation} of asset {AssetId}: taking over its generation after waiting {Elapsed} ms (the holder failed or its lease ran out)")]
    private static partial void LogTakingOver(ILogger logger, Transformation transformation, Guid assetId, int elapsed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Variant {Transformation} of asset {AssetId}: the generation claim was taken over while generating (renewals missed); finishing anyway")]
    private static partial void LogClaimLost(ILogger logger, Transformation transformation, Guid assetId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Variant {Transformation} of asset {AssetId}: could not renew the generation claim; retrying")]
    private static partial void LogRenewFailed(ILogger logger, Exception exception, Transformation transformation, Guid assetId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Variant {Transformation} of asset {AssetId}: could not release the generation claim; it lapses within {Lease} s")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception, Transformation transformation, Guid assetId, double lease);
}
