using System.Net;
using Konifer.Tests.TestSupport;
using static Konifer.Tests.Http.Auth.AuthRequests;

namespace Konifer.Tests.Http.Auth;

/// <summary>Rotation: the new key is listed beside the old one, both work, then the old one is removed and stops working.</summary>
public sealed class KeyRotationTests
{
    private const string Old = "kfr_old-key-0123456789abcdefghijklm";
    private const string New = "kfr_new-key-0123456789abcdefghijklm";

    private static string Config(params (string Name, string Key)[] keys) => KoniferTestServer.InMemoryConfig + $$"""

        auth {
          enabled = true
          api-keys = [ {{string.Join("\n", keys.Select(k => Entry(k.Name, k.Key, "write, delete", "\"/uploads/**\"")))}} ]
        }
        """;

    [Fact]
    public async Task Two_keys_are_valid_at_once_and_a_removed_key_is_refused()
    {
        await using (var during = await KoniferTestServer.StartAsync(Config(("uploader-2025", Old), ("uploader-2026", New))))
        {
            using var withOld = await during.Client.StoreAsync("/uploads/a", Old);
            using var withNew = await during.Client.StoreAsync("/uploads/b", New);
            Assert.Equal(HttpStatusCode.Created, withOld.StatusCode);
            Assert.Equal(HttpStatusCode.Created, withNew.StatusCode);
        }

        await using var after = await KoniferTestServer.StartAsync(Config(("uploader-2026", New)));
        using var removed = await after.Client.StoreAsync("/uploads/c", Old);
        Assert.Equal(HttpStatusCode.Unauthorized, removed.StatusCode);
        Assert.StartsWith("Invalid credentials", await removed.ProblemMessageAsync(), StringComparison.Ordinal);
        using var kept = await after.Client.StoreAsync("/uploads/c", New);
        Assert.Equal(HttpStatusCode.Created, kept.StatusCode);
    }
}
