using System.Net;
using Konifer.Tests.Storage.Postgres;
using Konifer.Tests.Storage.S3;
using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Faults;

/// <summary>Two service instances behind one load balancer, sharing one database and one bucket.</summary>
[Collection(FaultsCollection.Name)]
public sealed class TwoInstancesTests(PostgresServer postgres, S3Server s3)
{
    [Fact]
    public async Task Two_instances_accept_200_concurrent_uploads_to_one_path_as_entries_0_to_199_and_both_see_all()
    {
        var config = ProductionStores.Config(await postgres.CreateDatabaseAsync(withLtree: true), s3.Endpoint);
        await using var one = await KoniferTestServer.StartAsync(config);
        await using var other = await KoniferTestServer.StartAsync(config);
        var instances = new[] { one.Client, other.Client };
        // Distinct images, so that each entry can be matched with its upload.
        var images = Enumerable.Range(0, 200).Select(i => TestImages.Solid(4 + i % 20, 4 + i / 20, i, 255 - i, 7)).ToArray();

        var stored = await Task.WhenAll(images.Select((png, i) => Task.Run(async () =>
        {
            using var response = await instances[i % 2].PostAsync("/assets/crowd/photo", AssetRequests.Multipart(png, new { labels = new { upload = $"{i}" } }));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"upload {i}: {(int)response.StatusCode} {body}");
            return (Upload: i, EntryId: System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("entryId").GetInt64());
        })));

        Assert.Equal(Enumerable.Range(0, 200).Select(i => (long)i), stored.Select(s => s.EntryId).Order());
        foreach (var instance in instances)
        {
            var all = (await instance.GetJsonAsync("/assets/crowd/photo/-/entries?limit=-1")).GetProperty("entries").EnumerateArray().ToArray();
            Assert.Equal(Enumerable.Range(0, 200).Select(i => 199L - i), all.Select(a => a.GetProperty("entryId").GetInt64()));
            // Each entry carries what its own upload sent.
            var uploadOf = all.ToDictionary(a => a.GetProperty("entryId").GetInt64(), a => a.GetProperty("labels").GetProperty("upload").GetString());
            Assert.All(stored, s => Assert.Equal($"{s.Upload}", uploadOf[s.EntryId]));
        }
        // Bytes stored through one instance are served by the other.
        foreach (var (upload, entryId) in stored.Where(s => s.Upload % 40 == 0))
        {
            using var content = await instances[(upload + 1) % 2].GetAsync($"/assets/crowd/photo/-/entry/{entryId}/content");
            Assert.Equal(images[upload], await content.Content.ReadAsByteArrayAsync());
        }
    }
}
