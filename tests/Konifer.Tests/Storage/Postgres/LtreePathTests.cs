using System.Text.RegularExpressions;
using Konifer.Core.Assets;
using Konifer.Storage.Metadata.Postgres;

namespace Konifer.Tests.Storage.Postgres;

/// <summary>The ltree encoding of path segments, without a database: reversible, injective and within ltree's alphabet.</summary>
public sealed partial class LtreePathTests
{
    /// <summary>Every character a path segment may hold.</summary>
    internal static readonly string Alphabet =
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_~!$'()*+=@-";

    /// <summary>Random valid segments (seeded, so a failure repeats), biased towards the characters that need escaping.</summary>
    internal static IEnumerable<string> RandomSegments(int count, int seed)
    {
        var random = new Random(seed);
        const string specials = "_~!$'()*+=@-";
        for (var i = 0; i < count; i++)
        {
            var length = random.Next(4) == 0 ? random.Next(200, AssetPath.MaxSegmentLength + 1) : random.Next(1, 12);
            var chars = new char[length];
            for (var j = 0; j < length; j++)
                chars[j] = random.Next(3) == 0 ? specials[random.Next(specials.Length)] : Alphabet[random.Next(Alphabet.Length)];
            var segment = new string(chars);
            if (segment is "-" or "." or "..") continue;
            yield return segment;
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_]{1,255}(\\.[A-Za-z0-9_]{1,255})*$")]
    private static partial Regex LtreeLabels();

    [Fact]
    public void Random_segments_round_trip_and_encode_to_valid_ltree_labels()
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var segment in RandomSegments(5_000, seed: 4))
        {
            var label = LtreePath.EncodeSegment(segment);

            Assert.Matches(LtreeLabels(), label);
            Assert.Equal(segment, LtreePath.DecodeSegment(label));
            // Injective: two different segments never share a label.
            if (labels.TryGetValue(label, out var earlier)) Assert.Equal(earlier, segment);
            labels[label] = segment;
        }
    }

    [Fact]
    public void Every_allowed_character_round_trips_on_its_own_and_together()
    {
        foreach (var c in Alphabet.Where(c => c != '-'))
            Assert.Equal(c.ToString(), LtreePath.DecodeSegment(LtreePath.EncodeSegment(c.ToString())));
        Assert.Equal(Alphabet, LtreePath.DecodeSegment(LtreePath.EncodeSegment(Alphabet)));
    }

    [Fact]
    public void Letters_and_digits_stay_readable_and_the_rest_is_escaped_as_documented()
    {
        var path = AssetPath.Parse("/users/john_doe/avatar-1/a~b!c$d'e(f)g*h+i=j@k");

        Assert.Equal("users.john__doe.avatar_2D1.a_7Eb_21c_24d_27e_28f_29g_2Ah_2Bi_3Dj_40k", LtreePath.Encode(path));
        Assert.Equal(path, LtreePath.Decode(LtreePath.Encode(path)));
    }

    [Fact]
    public void Underscores_and_escapes_cannot_be_confused()
    {
        // "_2D" as text and "-" must differ; so must "__" and "_".
        Assert.NotEqual(LtreePath.EncodeSegment("_2D"), LtreePath.EncodeSegment("-a")[..^1]);
        Assert.Equal("___2D", LtreePath.EncodeSegment("_-"));
        Assert.Equal("_2D", LtreePath.DecodeSegment(LtreePath.EncodeSegment("_2D")));
        Assert.Equal("_-", LtreePath.DecodeSegment("___2D"));
    }

    [Fact]
    public void A_long_segment_of_escaped_characters_spans_labels_that_mark_their_continuation()
    {
        var segment = new string('-', AssetPath.MaxSegmentLength); // 765 characters once escaped

        var labels = LtreePath.EncodeSegment(segment).Split('.');

        Assert.True(labels.Length > 1);
        Assert.All(labels, l => Assert.InRange(l.Length, 1, LtreePath.MaxLabelLength));
        Assert.All(labels[..^1], l => Assert.EndsWith("_Z", l));
        Assert.DoesNotContain("_Z", labels[^1]);
        Assert.Equal(segment, LtreePath.DecodeSegment(string.Join('.', labels)));
        var path = AssetPath.FromSegments(["a", segment, "b"]);
        Assert.Equal(path, LtreePath.Decode(LtreePath.Encode(path)));
    }

    [Fact]
    public void A_segment_that_looks_like_a_marker_is_not_one()
    {
        Assert.Equal("__Z", LtreePath.EncodeSegment("_Z"));
        Assert.Equal(AssetPath.Parse("/_Z/b"), LtreePath.Decode("__Z.b"));
        Assert.Equal(AssetPath.Parse("/b"), LtreePath.Decode("_Z.b"));
    }

    [Theory]
    [InlineData("_")]
    [InlineData("a_")]
    [InlineData("_2")]
    [InlineData("_2d")]
    [InlineData("_ZZ")]
    [InlineData("a-b")]
    [InlineData("a_Z")]
    [InlineData("a_Zb")]
    [InlineData("a.b")]
    public void Labels_that_no_segment_encodes_to_are_refused(string label)
    {
        Assert.Throws<FormatException>(() => LtreePath.DecodeSegment(label));
    }
}
