#:package NetVips
// Writes an animated GIF of N frames of W×H, each frame a different grey, 50 ms each, looping forever.
// Usage: dotnet run bench/animation/frames.cs -- N W H out.gif
using NetVips;

var frames = int.Parse(args[0]);
var width = int.Parse(args[1]);
var height = int.Parse(args[2]);
using var xyz = Image.Xyz(width, height * frames);
using var fraction = xyz[1] / height;
using var page = fraction.Floor();
using var grey = (page * 37 % 256).Cast(Enums.BandFormat.Uchar);
using var rgb = grey.Bandjoin(grey, grey).Copy(interpretation: Enums.Interpretation.Srgb);
using var animated = rgb.Mutate(m =>
{
    m.Set(GValue.GIntType, "page-height", height);
    m.Set(GValue.ArrayIntType, "delay", Enumerable.Repeat(50, frames).ToArray());
    m.Set(GValue.GIntType, "loop", 0);
});
animated.WriteToFile(args[3]);
