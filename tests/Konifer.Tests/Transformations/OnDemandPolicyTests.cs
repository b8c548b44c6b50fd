using Konifer.Core.Images;
using Konifer.Core.Transformations;
using Konifer.Transformations;
using static Konifer.Tests.Transformations.Requests;

namespace Konifer.Tests.Transformations;

public class OnDemandPolicyTests
{
    private static readonly VariantProfiles Profiles = Requests.Profiles("""
        {
          "thumb": { "w": 100, "h": 100, "fit": "fill" },
          "thumb-webp": { "w": 100, "h": 100, "fit": "fill", "format": "webp" },
          "small": { "w": 200 }
        }
        """);

    private static Transformation? Resolve(OnDemandVariantMode mode, string query, string? accept = null, params string[] eager) =>
        OnDemandPolicy.Resolve(mode, Parse(query), Profiles, Original(), accept, eager);

    [Theory]
    [InlineData("w=37&blur=2")]
    [InlineData("profile=small&q=50")]
    [InlineData("")]
    public void Enabled_serves_whatever_was_asked(string query)
    {
        Assert.Equal(Normalize(query, profiles: Profiles), Resolve(OnDemandVariantMode.Enabled, query));
    }

    [Fact]
    public void Profile_only_serves_profiles_and_the_original()
    {
        Assert.Equal(Normalize("w=200"), Resolve(OnDemandVariantMode.ProfileOnly, "profile=small"));
        Assert.Null(Resolve(OnDemandVariantMode.ProfileOnly, ""));
        Assert.Equal(ImageFormat.Webp, Resolve(OnDemandVariantMode.ProfileOnly, "profile=small", "image/webp")!.Format);
    }

    [Theory]
    [InlineData("w=100", "use profile=<name> instead of w.")]
    [InlineData("profile=small&q=50&format=png", "use profile=<name> instead of format, q.")]
    public void Profile_only_refuses_any_other_parameter_naming_the_rule(string query, string ending)
    {
        var error = Assert.Throws<InvalidTransformationException>(() => OnDemandPolicy.CheckRequest(OnDemandVariantMode.ProfileOnly, Parse(query)));

        Assert.Equal("transform.on-demand-variant.mode", error.Parameter);
        Assert.StartsWith("This path only serves variant profiles (transform.on-demand-variant.mode = profile_only)", error.Message);
        Assert.EndsWith(ending, error.Message);
        Assert.Throws<InvalidTransformationException>(() => Resolve(OnDemandVariantMode.ProfileOnly, query));
    }

    [Fact]
    public void Disabled_serves_the_eager_variants_however_they_are_asked_for()
    {
        var thumb = Normalize("profile=thumb", profiles: Profiles);

        Assert.Equal(thumb, Resolve(OnDemandVariantMode.Disabled, "profile=thumb", eager: "thumb"));
        Assert.Equal(thumb, Resolve(OnDemandVariantMode.Disabled, "w=100&h=100&fit=crop&g=center", eager: "thumb"));
        Assert.Null(Resolve(OnDemandVariantMode.Disabled, "", eager: "thumb"));
        Assert.Null(Resolve(OnDemandVariantMode.Disabled, "w=400"));
    }

    [Fact]
    public void Disabled_refuses_anything_else_naming_the_rule_and_the_eager_profiles()
    {
        var error = Assert.Throws<InvalidTransformationException>(() =>
            Resolve(OnDemandVariantMode.Disabled, "w=99&h=100&fit=fill", eager: ["thumb", "small"]));

        Assert.Equal("transform.on-demand-variant.mode", error.Parameter);
        Assert.Equal(
            "On-demand variants are disabled for this path (transform.on-demand-variant.mode = disabled): only the original " +
            "and the eager variants (profiles thumb, small) can be requested.", error.Message);

        var none = Assert.Throws<InvalidTransformationException>(() => Resolve(OnDemandVariantMode.Disabled, "profile=small"));
        Assert.Contains("(this path has none)", none.Message);
    }

    [Fact]
    public void Disabled_lets_accept_choose_only_among_the_eager_formats()
    {
        // Only the JPEG thumb exists: a browser asking for WebP first still gets it instead of a refusal.
        Assert.Equal(ImageFormat.Jpeg, Resolve(OnDemandVariantMode.Disabled, "profile=thumb", "image/webp,image/*;q=0.8", "thumb")!.Format);
        // Both exist: Accept picks.
        Assert.Equal(ImageFormat.Webp, Resolve(OnDemandVariantMode.Disabled, "profile=thumb", "image/webp,image/*;q=0.8", "thumb", "thumb-webp")!.Format);
        Assert.Equal(ImageFormat.Jpeg, Resolve(OnDemandVariantMode.Disabled, "profile=thumb", "image/jpeg", "thumb", "thumb-webp")!.Format);
        // An explicit format is not second-guessed.
        Assert.Throws<InvalidTransformationException>(() => Resolve(OnDemandVariantMode.Disabled, "profile=thumb&format=avif", null, "thumb"));
        // Nothing eager is acceptable.
        Assert.Throws<InvalidTransformationException>(() => Resolve(OnDemandVariantMode.Disabled, "profile=thumb", "image/avif", "thumb"));
    }
}
