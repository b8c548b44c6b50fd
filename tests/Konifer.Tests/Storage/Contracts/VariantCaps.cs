using Konifer.Core.Assets;

namespace Konifer.Tests.Storage.Contracts;

/// <summary>Caps for tests that mark variants ready and are not about eviction.</summary>
public static class VariantCaps
{
    /// <summary>No eviction: every variant is kept.</summary>
    public static VariantCap KeepAll { get; } = new(int.MaxValue, TimeSpan.FromHours(1));
}
