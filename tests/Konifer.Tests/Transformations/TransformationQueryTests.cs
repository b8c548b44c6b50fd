using Konifer.Core.Images;
using Konifer.Core.Transformations;
using Konifer.Transformations;
using static Konifer.Tests.Transformations.Requests;

namespace Konifer.Tests.Transformations;

public class TransformationQueryTests
{
    [Fact]
    public void Defaults_are_left_out_but_size_and_format_are_always_written()
    {
        Assert.Equal("w=100&h=75&format=jpg", TransformationQuery.ToQueryString(Normalize("w=100")!));
        Assert.Equal("w=400&h=300&format=webp", TransformationQuery.ToQueryString(Normalize("q=80", accept: "image/webp")!));
    }

    [Fact]
    public void Every_parameter_is_written_in_a_fixed_order_and_encoded()
    {
        var transformation = Normalize("cs=p3&strip=xmp,exif&pad-c=%23ff000080&pad=4&q=55&blur=3&filter=sepia&f=v&r=270&format=webp&g=entropy&fit=crop&h=50&w=100");

        Assert.Equal("w=100&h=50&fit=crop&g=entropy&format=webp&r=90&f=h&filter=sepia&blur=3&q=55&pad=4&pad-c=%23FF000080&strip=exif%2Cxmp&cs=p3",
            TransformationQuery.ToQueryString(transformation!));
    }

    [Fact]
    public void The_query_normalizes_back_to_the_same_record_whatever_the_accept_header()
    {
        var random = new Random(20240611);
        string Pick(params string[] options) => options[random.Next(options.Length)];
        var checkedCount = 0;
        for (var i = 0; i < 3000; i++)
        {
            var original = Original(random.Next(1, 3000), random.Next(1, 3000), ImageFormats.All[random.Next(ImageFormats.All.Count)], random.Next(1, 9));
            var fit = Pick("", "fit", "fill", "stretch", "crop");
            var parts = new List<string>();
            var both = fit is "fill" or "stretch" or "crop";
            if (both || random.Next(2) == 0) parts.Add($"w={random.Next(1, 1500)}");
            if (both || random.Next(2) == 0) parts.Add($"h={random.Next(1, 1500)}");
            if (fit != "") parts.Add($"fit={fit}");
            parts.Add(Pick("", "g=entropy", "g=attention", "g=center"));
            parts.Add(Pick("", "format=png", "format=webp", "format=gif", "format=avif", "format=jpg"));
            var rotate = Pick("", "r=90", "r=180", "r=270", "r=auto");
            parts.Add(rotate);
            if (rotate != "r=auto") parts.Add(Pick("", "f=h", "f=v"));
            parts.Add(Pick("", "filter=sepia", "blur=5", "q=42", "pad=3", "pad=2&pad-c=%23abc", "strip=iptc", "cs=srgb"));
            var query = string.Join('&', parts.Where(p => p != ""));

            Transformation? first;
            try
            {
                first = Normalize(query, original, accept: "image/avif");
            }
            catch (InvalidTransformationException)
            {
                continue; // e.g. a derived side beyond the size bound
            }
            if (first is null) continue;

            var again = Normalize(TransformationQuery.ToQueryString(first), original, accept: "image/gif;q=0.5, text/html");

            Assert.True(first == again, $"{query} on {original} → {TransformationQuery.ToQueryString(first)} gave {again}, not {first}");
            checkedCount++;
        }
        Assert.True(checkedCount > 2500, $"only {checkedCount} cases were checked");
    }
}
