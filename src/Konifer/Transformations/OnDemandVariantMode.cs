namespace Konifer.Transformations;

/// <summary><c>transform.on-demand-variant.mode</c>.</summary>
public enum OnDemandVariantMode
{
    /// <summary>Any transformation is generated on first request (<c>enabled</c>, the default).</summary>
    Enabled,

    /// <summary>Only <c>profile</c> may be requested; other transformation parameters are refused (<c>profile_only</c>).</summary>
    ProfileOnly,

    /// <summary>Only eager variants are served (<c>disabled</c>).</summary>
    Disabled,
}
