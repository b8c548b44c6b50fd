namespace Konifer.Variants.Claims;

/// <summary>
/// The answer of <see cref="IGenerationClaims.TryClaimAsync"/>. For <see cref="ClaimOutcome.Held"/>,
/// <see cref="Holder"/> and <see cref="LeaseLeft"/> describe the other claim as the store saw it (its own clock, so
/// instances' clocks need not agree); either may be unknown (null, zero) when the claim changed while being read.
/// </summary>
public sealed record ClaimAttempt(ClaimOutcome Outcome, string? Holder, TimeSpan LeaseLeft)
{
    public static ClaimAttempt Claimed { get; } = new(ClaimOutcome.Claimed, null, TimeSpan.Zero);

    public static ClaimAttempt AssetGone { get; } = new(ClaimOutcome.AssetGone, null, TimeSpan.Zero);

    public static ClaimAttempt HeldBy(string? holder, TimeSpan leaseLeft) =>
        new(ClaimOutcome.Held, holder, leaseLeft < TimeSpan.Zero ? TimeSpan.Zero : leaseLeft);
}
