using Konifer.Tests.Storage.S3;
using Npgsql;

namespace Konifer.Tests.Faults;

/// <summary>konifer.conf text that puts a test server on PostgreSQL and S3, as an operator would write it.</summary>
public static class ProductionStores
{
    /// <param name="connectionString">An Npgsql connection string to a database with ltree (migrated at start-up).</param>
    /// <param name="s3Endpoint">An S3 endpoint that has the bucket <see cref="S3Server.Bucket"/>.</param>
    /// <param name="extra">More konifer.conf text (paths, variants…).</param>
    public static string Config(string connectionString, Uri s3Endpoint, string extra = "")
    {
        var pg = new NpgsqlConnectionStringBuilder(connectionString);
        return $$"""
            data-store {
              provider = postgresql
              postgresql { host = "{{pg.Host}}", port = {{pg.Port}}, database = "{{pg.Database}}", user = "{{pg.Username}}", password = "{{pg.Password}}", ssl-mode = disable }
            }
            object-store {
              provider = s3
              s3 { endpoint-url = "{{s3Endpoint}}", region = us-east-1, access-key = S3RVER, secret-key = S3RVER, force-path-style = true }
            }
            {{extra}}
            """;
    }
}
