using System.Text;
using CsCheck;
using Konifer.Configuration;
using Konifer.Configuration.Reading;
using Konifer.Core.Assets;
using Konifer.Core.Images;
using Konifer.Core.Transformations;
using Konifer.Hocon;
using Konifer.Http;
using Konifer.Http.Selectors;
using Konifer.Http.Uploads;
using Konifer.Paths;
using Konifer.Transformations;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Konifer.Tests.Http;

/// <summary>
/// Random input for every parser that reads what a client (or an operator's file) sends: request paths and selectors,
/// the query with its labels and transformation parameters, the JSON metadata, and konifer.conf. Whatever comes in,
/// the answer is a result or the exception that becomes a 4xx (or names the bad key), never anything else (a 500).
/// Inputs mix the grammars' own words and characters with arbitrary text, so both near-misses and noise are tried.
/// </summary>
public sealed class NetworkParserPropertyTests
{
    private const int Iterations = 3_000;

    private static readonly Gen<string> Fragment = Gen.OneOf(
        Gen.OneOf("a", "Z9", "-", "/", "//", ".", "..", "entry", "0", "7", "-1", "18446744073709551616", "new", "modified",
            "created", "metadata", "link", "info", "content", "download", "redirect", "recursive", "%00", "%2F", "é", "\0",
            " ", "\u202E", "\ud800", "label:", "=", "&", "*", "**", "~", "'", "(", "@"),
        Gen.String[0, 6]);

    private static readonly Gen<string> Text = Fragment.Array[0, 10].Select(parts => string.Concat(parts));

    private static void Refusable(Action parse, params Type[] refusals)
    {
        try
        {
            parse();
        }
        catch (Exception e) when (refusals.Contains(e.GetType()))
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Message), $"{e.GetType().Name} without a message");
        }
    }

    [Fact]
    public void Paths_and_selectors_parse_or_are_a_bad_request() =>
        Check.Sample(Text, rest => Refusable(() =>
        {
            var route = AssetRoute.Parse(rest);
            Refusable(() => FetchSelectors.Parse(route.Selectors), typeof(BadRequestException));
            Refusable(() => DeleteSelectors.Parse(route.Selectors), typeof(BadRequestException));
        }, typeof(BadRequestException)), iter: Iterations, threads: 1, print: Escaped);

    private static readonly Gen<string> QueryKey = Gen.OneOf(
        Gen.OneOf("w", "h", "fit", "g", "r", "f", "filter", "blur", "q", "pad", "bg", "format", "profile", "limit", "s",
            "label:phone", "phone", "cs", "strip", "label:"),
        Fragment);

    private static readonly Gen<string> QueryValue = Gen.OneOf(
        Gen.OneOf("0", "1", "-1", "400", "99999999999", "1.5", "auto", "90", "h", "v", "fill", "crop", "attention",
            "webp", "avif", "jpeg", "#ff000080", "ff0000", "true", ""),
        Text);

    private static readonly Gen<Dictionary<string, string>> Query =
        Gen.Select(QueryKey, QueryValue).Array[0, 6].Select(pairs =>
        {
            var query = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in pairs) query[key] = value;
            return query;
        });

    private static readonly Gen<string> Accept = Gen.OneOf(
        Gen.OneOf("image/webp", "image/avif,image/webp;q=0.9", "*/*", "image/*;q=0", "text/html", ";;;q=x", ""), Text);

    [Fact]
    public void Queries_and_transformations_parse_or_are_a_bad_request() =>
        Check.Sample(Gen.Select(Query, Accept), (query, accept) => Refusable(() =>
        {
            var parsed = QueryParameters.Parse(new QueryCollection(query.ToDictionary(p => p.Key, p => new StringValues(p.Value))));
            var requested = TransformationRequest.Parse(parsed.Transformation);
            var original = new ImageAttributes(1200, 800, ImageFormat.Jpeg, 1, null, "srgb", 6);
            TransformationNormalizer.Normalize(requested, VariantProfiles.Empty, original, accept);
        }, typeof(BadRequestException), typeof(InvalidTransformationException)), iter: Iterations, threads: 1);

    private static readonly Gen<string> Json = Gen.OneOf(
        Gen.OneOf("{}", "null", "[]", "{\"alt\":", "{\"alt\":\"x\"}", "{\"labels\":{\"k\":\"v\"}}", "{\"tags\":[\"t\"]}",
            "{\"alt\":5}", "{\"labels\":[1]}", "{\"tags\":\"x\"}", "{\"url\":\"http://x\"}", "\"\\u0000\"", "{\"alt\":\"\\ud800\"}"),
        Gen.Select(Gen.OneOf("{\"alt\":", "{\"labels\":{", "{\"tags\":[", "{\"", "["), Text, Gen.OneOf("}", "\"}", "]}", "}}", ""),
            (head, middle, tail) => head + middle + tail),
        Text);

    [Fact]
    public void Metadata_json_reads_or_is_a_bad_request() =>
        Check.Sample(Json, json => Refusable(() =>
        {
            using var body = new MemoryStream(Encoding.UTF8.GetBytes(json));
            var request = JsonBody.ReadAsync<AssetInformationRequest>(body, "metadata part", CancellationToken.None).GetAwaiter().GetResult();
            request.ToInformation();
        }, typeof(BadRequestException), typeof(InvalidAssetInformationException), typeof(PayloadTooLargeException)),
            iter: Iterations, threads: 1, print: Escaped);

    private static readonly Gen<string> Hocon = Gen.OneOf(
        Gen.Select(Gen.OneOf("paths", "variant-generation", "source", "data-store", "object-store", "url-signing", "http",
                "\"/a/**\"", "a.b", "include", "${?X}", "${a}", "variant-profiles"),
            Gen.OneOf(" = ", " : ", " ", "{", " += "), Gen.OneOf("1", "\"x\"", "[1, 2]", "{ w = 5 }", "20MiB", "10s", "50%",
                "{ provider = in-memory }", "{ \"/x/*\" { image.lqip = [blurhash] } }", "${?NOPE}", "\"\"\"", "{", "}"),
            (key, separator, value) => key + separator + value),
        Text);

    [Fact]
    public void Configuration_reads_or_names_its_problem() =>
        // Half the files name embedded stores first, so that reading goes past the store settings to the rest.
        Check.Sample(Gen.Select(Gen.Bool, Hocon.Array[1, 4]), (stores, lines) => Refusable(() =>
        {
            var text = (stores ? "data-store.provider = in-memory\nobject-store.provider = in-memory\n" : "") + string.Join('\n', lines);
            var document = HoconParser.Parse(text);
            KoniferConfigurationReader.Read(document);
        }, typeof(HoconException), typeof(ConfigurationException)), iter: 1_000, threads: 1);

    private static string Escaped(string text) =>
        string.Concat(text.Select(c => c is >= ' ' and < (char)127 ? c.ToString() : $"\\u{(int)c:X4}"));
}
