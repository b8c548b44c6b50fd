using Konifer.Paths;
using Konifer.Variants;

namespace Konifer.Tests.Variants;

public class VariantExpiryTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly ExpirationSettings Idle = new(ExpirationStrategy.Idle, TimeSpan.FromHours(10));
    private static readonly ExpirationSettings Ttl = new(ExpirationStrategy.Ttl, TimeSpan.FromHours(10));

    [Fact]
    public void New_variants_expire_one_window_after_creation_unless_never()
    {
        Assert.Equal(Now.AddHours(10), VariantExpiry.For(Ttl, Now));
        Assert.Equal(Now.AddHours(10), VariantExpiry.For(Idle, Now));
        Assert.Null(VariantExpiry.For(ExpirationSettings.Never, Now));
    }

    [Fact]
    public void An_access_gives_an_idle_variant_one_window_from_now()
    {
        Assert.Equal(Now.AddHours(10).AddMinutes(1), VariantExpiry.IdleExpiry(Idle, Now.AddHours(10), Now.AddMinutes(1)));
        Assert.Equal(Now.AddHours(11), VariantExpiry.IdleExpiry(Idle, Now.AddHours(10), Now.AddHours(1)));
        Assert.Null(VariantExpiry.IdleExpiry(Idle, null, Now));
    }

    [Fact]
    public void Ttl_and_never_are_not_touched()
    {
        Assert.Null(VariantExpiry.IdleExpiry(Ttl, Now.AddHours(1), Now.AddHours(5)));
        Assert.Null(VariantExpiry.IdleExpiry(ExpirationSettings.Never, null, Now));
    }
}
