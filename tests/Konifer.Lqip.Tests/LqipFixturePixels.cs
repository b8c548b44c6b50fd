namespace Konifer.LqipEncoders.Tests;

/// <summary>The pixel recipes of reference/generate-fixtures.mjs, byte for byte.</summary>
public static class LqipFixturePixels
{
    public static byte[] Render(LqipFixture fixture)
    {
        var (w, h) = (fixture.Width, fixture.Height);
        var rgba = new byte[w * h * 4];
        for (var y = 0; y < h; y++)
        for (var x = 0; x < w; x++)
        {
            var (r, g, b, a) = Pixel(fixture, x, y);
            var p = (y * w + x) * 4;
            rgba[p] = (byte)r;
            rgba[p + 1] = (byte)g;
            rgba[p + 2] = (byte)b;
            rgba[p + 3] = (byte)a;
        }
        return rgba;
    }

    private static (int R, int G, int B, int A) Pixel(LqipFixture fixture, int x, int y)
    {
        var (w, h) = (fixture.Width, fixture.Height);
        var c = fixture.Colour ?? [0, 0, 0, 255];
        int r0 = c[0], g0 = c[1], b0 = c[2], a0 = c.Length > 3 ? c[3] : 255;
        switch (fixture.Kind)
        {
            case "solid":
                return (r0, g0, b0, a0);
            case "horizontal":
            {
                var t = w > 1 ? 255 * x / (w - 1) : 0;
                return (255 - t, g0, t, a0);
            }
            case "vertical":
            {
                var t = h > 1 ? 255 * y / (h - 1) : 0;
                return (t, 255 - t, b0, a0);
            }
            case "pattern":
                return ((x * 37 + y * 11) % 256, x * y * 7 % 256, (x ^ y) * 5 % 256, (x + 2 * y) % 7 * 42 + x % 2 * 3);
            case "disc":
            {
                int dx = 2 * x + 1 - w, dy = 2 * y + 1 - h, radius = Math.Min(w, h);
                return dx * dx + dy * dy <= radius * radius ? (r0, g0, b0, 255) : (255 - r0, 255 - g0, 255 - b0, 0);
            }
            default:
                throw new ArgumentException($"unknown recipe {fixture.Kind}", nameof(fixture));
        }
    }
}
