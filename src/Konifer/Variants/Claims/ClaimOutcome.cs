namespace Konifer.Variants.Claims;

/// <summary>What <see cref="IGenerationClaims.TryClaimAsync"/> found.</summary>
public enum ClaimOutcome
{
    /// <summary>The caller holds the claim now (new, taken over, or its own extended).</summary>
    Claimed,

    /// <summary>Another owner holds a live claim.</summary>
    Held,

    /// <summary>The asset is gone, so there is nothing to claim.</summary>
    AssetGone,
}
