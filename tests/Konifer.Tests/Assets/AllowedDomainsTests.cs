using Konifer.Assets.Sources;
using Konifer.Core.Sources;

namespace Konifer.Tests.Assets;

public sealed class AllowedDomainsTests
{
    private static readonly AllowedDomains Domains = AllowedDomains.Parse(["images.example.com", "*.cdn.example.org", "10.0.0.5", "[fd00::5]", "Bücher.example"]);

    [Theory]
    [InlineData("images.example.com", true)]
    [InlineData("IMAGES.Example.COM", true)]
    [InlineData("images.example.com.", true)]
    [InlineData("example.com", false)]
    [InlineData("evil-images.example.com", false)]
    [InlineData("images.example.com.evil.net", false)]
    [InlineData("a.cdn.example.org", true)]
    [InlineData("a.b.cdn.example.org", true)]
    [InlineData("cdn.example.org", false)]
    [InlineData("xcdn.example.org", false)]
    [InlineData("10.0.0.5", true)]
    [InlineData("10.0.0.6", false)]
    [InlineData("[fd00::5]", true)]
    [InlineData("[fd00:0:0::5]", true)]
    [InlineData("xn--bcher-kva.example", true)]
    public void Hosts_match_exactly_or_below_a_wildcard(string host, bool allowed) =>
        Assert.Equal(allowed, Domains.Allows(host));

    [Fact]
    public void Only_ip_literals_exempt_addresses()
    {
        Assert.Equal(["10.0.0.5", "fd00::5"], Domains.Addresses.Select(a => a.ToString()));
    }

    [Theory]
    [InlineData("https://images.example.com")]
    [InlineData("images.example.com/path")]
    [InlineData("*")]
    [InlineData("*.")]
    [InlineData("a..b")]
    public void Entries_that_are_not_hosts_are_refused(string entry) =>
        Assert.Throws<FormatException>(() => AllowedDomains.Parse([entry]));

    [Theory]
    [InlineData("http://images.example.com/a.png", null)]
    [InlineData("https://a.cdn.example.org:8443/a.png?x=1", null)]
    [InlineData("http://localhost/a.png", UrlSourceFailure.HostNotAllowed)]
    [InlineData("http://images.example.com@localhost/a.png", UrlSourceFailure.InvalidUrl)]
    [InlineData("gopher://images.example.com/", UrlSourceFailure.InvalidUrl)]
    [InlineData("/relative.png", UrlSourceFailure.InvalidUrl)]
    public void The_policy_checks_scheme_credentials_and_host(string url, UrlSourceFailure? failure)
    {
        var policy = new UrlSourcePolicy(Domains, 1000, 5, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        if (failure is null) Assert.Equal(new Uri(url), policy.Check(url));
        else Assert.Equal(failure, Assert.Throws<UrlSourceException>(() => policy.Check(url)).Failure);
    }
}
