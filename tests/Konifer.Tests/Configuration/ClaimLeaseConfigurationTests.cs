using Konifer.Configuration;
using Konifer.Tests.TestSupport;
using Konifer.Variants.Claims;
using Microsoft.Extensions.DependencyInjection;

namespace Konifer.Tests.Configuration;

/// <summary><c>variant-generation.claim-lease</c>: read, defaulted, refused when too short, printed by --check-config.</summary>
public sealed class ClaimLeaseConfigurationTests
{
    private const string Stores = "data-store.provider = in-memory\nobject-store.provider = in-memory\n";

    [Fact]
    public async Task The_lease_is_read_from_claim_lease_and_defaults_to_30_seconds()
    {
        await using (var server = await KoniferTestServer.StartAsync(Stores + "variant-generation.claim-lease = 12s"))
            Assert.Equal(TimeSpan.FromSeconds(12), server.Services.GetRequiredService<ClaimedGeneration>().Lease);
        await using (var server = await KoniferTestServer.StartAsync(Stores))
            Assert.Equal(TimeSpan.FromSeconds(30), server.Services.GetRequiredService<ClaimedGeneration>().Lease);
    }

    [Theory]
    [InlineData("variant-generation.claim-lease = 500ms", "variant-generation.claim-lease: '500 ms' is too short: a claim's lease must be at least 1s")]
    [InlineData("variant-generation.claim-lease = 0s", "variant-generation.claim-lease: '0s' is not a duration above zero")]
    [InlineData("variant-generation.claim-lease = soon", "variant-generation.claim-lease: 'soon' is not a duration")]
    public async Task Bad_values_stop_start_up_naming_the_key(string line, string expected)
    {
        var error = await Assert.ThrowsAsync<ConfigurationException>(() => KoniferTestServer.StartAsync(Stores + line));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Check_config_prints_the_lease_as_a_key_of_konifer_conf()
    {
        Assert.Contains("variant-generation.claim-lease = 30s", EffectiveConfiguration.Lines(HoconConfiguration.Read(Stores)));
        Assert.Contains("variant-generation.claim-lease = 45s",
            EffectiveConfiguration.Lines(HoconConfiguration.Read(Stores + "variant-generation.claim-lease = 45s")));
    }
}
