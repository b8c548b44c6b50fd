using System.Net;
using Konifer.Storage.Metadata.Postgres;
using Konifer.Tests.Storage.S3;
using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Configuration;

/// <summary>PG_USER, PG_PASSWORD and S3_SECRET_KEY beat the values konifer.conf gives, as the stores see them.</summary>
[Collection(S3Collection.Name)]
public sealed class EnvironmentOverridesTests(S3Server s3)
{
    private static string PostgresConfig(int port) => $$"""
        object-store.provider = in-memory
        data-store.postgresql { host = 127.0.0.1, port = {{port}}, database = konifer, user = file_user, password = file_password, ssl-mode = disable }
        """;

    [Fact]
    public async Task Pg_user_and_pg_password_are_the_credentials_sent_to_postgresql()
    {
        await using var postgres = new PostgresLoginRecorder();

        await Assert.ThrowsAsync<PostgresStartupException>(() => KoniferTestServer.StartAsync(PostgresConfig(postgres.Port),
            new Dictionary<string, string> { ["PG_USER"] = "env_user", ["PG_PASSWORD"] = "env_password" }));

        Assert.NotEmpty(postgres.Logins);
        Assert.All(postgres.Logins, login => Assert.Equal(("env_user", "env_password"), login));
    }

    [Fact]
    public async Task Without_the_variables_the_files_credentials_are_sent()
    {
        await using var postgres = new PostgresLoginRecorder();

        await Assert.ThrowsAsync<PostgresStartupException>(() => KoniferTestServer.StartAsync(PostgresConfig(postgres.Port)));

        Assert.NotEmpty(postgres.Logins);
        Assert.All(postgres.Logins, login => Assert.Equal(("file_user", "file_password"), login));
    }

    private string S3Config => $$"""
        data-store.provider = in-memory
        object-store { provider = s3, s3 { endpoint-url = "{{s3.Endpoint}}", region = us-east-1, access-key = S3RVER, secret-key = file-secret, force-path-style = true } }
        paths { "/**" { return-format.redirect { strategy = presigned, presigned.ttl = 5m } } }
        """;

    /// <summary>Stores an image and returns the presigned URL its redirect answers with.</summary>
    private async Task<Uri> PresignedLocationAsync(IDictionary<string, string>? environment)
    {
        await using var server = await KoniferTestServer.StartAsync(S3Config, environment);
        await server.Client.StoreAsync("/env/s3", TestImages.Gradient(20, 10));
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
        using var response = await client.GetAsync("/assets/env/s3/-/redirect");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        return response.Headers.Location!;
    }

    // s3rver does not verify SigV4 signatures, so the signature of a presigned URL is what shows which secret signed.
    [Fact]
    public async Task S3_secret_key_is_the_secret_that_signs_instead_of_the_files_key()
    {
        var location = await PresignedLocationAsync(new Dictionary<string, string> { ["S3_SECRET_KEY"] = "env-secret" });

        var signature = SigV4Presigned.Signature(location);
        Assert.Equal(SigV4Presigned.Expected(location, "env-secret"), signature);
        Assert.NotEqual(SigV4Presigned.Expected(location, "file-secret"), signature);
    }

    [Fact]
    public async Task Without_s3_secret_key_the_files_key_signs()
    {
        var location = await PresignedLocationAsync(null);

        Assert.Equal(SigV4Presigned.Expected(location, "file-secret"), SigV4Presigned.Signature(location));
    }
}
