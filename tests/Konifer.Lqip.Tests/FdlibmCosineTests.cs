namespace Konifer.LqipEncoders.Tests;

public class FdlibmCosineTests
{
    [Fact]
    public void Stays_within_one_unit_in_the_last_place_of_the_platform_cosine_on_the_encoders_angles()
    {
        for (var size = 1; size <= 100; size++)
        for (var component = 0; component <= 9; component++)
        for (var pixel = 0; pixel < size; pixel++)
        {
            foreach (var angle in new[] { Math.PI / size * component * (pixel + 0.5), Math.PI * component * pixel / size })
            {
                var ours = FdlibmCosine.Cos(angle);
                var platform = Math.Cos(angle);
                Assert.True(Math.Abs(ours - platform) <= Math.BitIncrement(Math.Abs(platform)) - Math.Abs(platform),
                    $"cos({angle:R}) = {ours:R}, platform {platform:R}");
            }
        }
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(Math.PI, -1.0)]
    [InlineData(2 * Math.PI, 1.0)]
    [InlineData(-Math.PI, -1.0)]
    public void Is_exact_where_the_cosine_is_plus_or_minus_one(double angle, double expected)
    {
        Assert.Equal(expected, FdlibmCosine.Cos(angle));
    }
}
