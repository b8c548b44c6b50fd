using System.Net;
using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Http;

/// <summary>Alt text in <c>K-Alt</c> and download names in <c>Content-Disposition</c>, as a client reads them.</summary>
public sealed class HeaderTextTests
{
    [Fact]
    public async Task K_alt_decodes_to_the_exact_alt_and_never_collides()
    {
        await using var server = await KoniferTestServer.StartAsync();
        string[] alts = ["é", "%C3%A9", "100% sure", "a+b=c", " padded ", "plain text", "zweites Bild ü", "tab\there", "%"];
        var headers = new List<string>();
        for (var i = 0; i < alts.Length; i++)
        {
            await server.Client.StoreAsync($"/alts/{i}", TestImages.Gradient(8, 8), new { alt = alts[i] });
            using var response = await server.Client.GetAsync($"/assets/alts/{i}/-/content");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var header = response.Headers.GetValues("K-Alt").Single();
            Assert.Equal(alts[i], Uri.UnescapeDataString(header)); // one percent-decoding, '+' is not a space
            headers.Add(header);
        }
        Assert.Equal(headers.Count, headers.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("%C3%A9", headers[0]);
        Assert.Equal("%25C3%25A9", headers[1]);
        Assert.Equal("plain text", headers[5]); // visible ASCII without % is sent as it is, as before
    }

    [Fact]
    public async Task Download_names_lose_bidirectional_controls_in_both_forms()
    {
        await using var server = await KoniferTestServer.StartAsync();
        // U+202E (right-to-left override) would make "invoice‮gpj.exe" display as "invoiceexe.jpg"; every bidi control goes.
        const string alt = "invoice\u202Egpj\u2066.exe\u200F\u061C\u200E\u202A\u202B\u202C\u202D\u2067\u2068\u2069 ü";
        await server.Client.StoreAsync("/downloads/1", TestImages.Gradient(8, 8), new { alt });

        using var response = await server.Client.GetAsync("/assets/downloads/1/-/download");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("invoicegpj.exe ü.png", disposition.FileNameStar);
        Assert.Equal("invoicegpj.exe _.png", disposition.FileName?.Trim('"'));
    }

    [Fact]
    public async Task A_name_of_nothing_but_controls_falls_back_to_the_path()
    {
        await using var server = await KoniferTestServer.StartAsync();
        await server.Client.StoreAsync("/downloads/report", TestImages.Gradient(8, 8), new { alt = "\u202E\u2066" });
        using var response = await server.Client.GetAsync("/assets/downloads/report/-/download");
        Assert.Equal("report.png", response.Content.Headers.ContentDisposition!.FileNameStar);
    }
}
