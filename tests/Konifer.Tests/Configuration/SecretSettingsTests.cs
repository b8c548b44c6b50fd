using Konifer.UrlSigning;
using Konifer.Configuration;

namespace Konifer.Tests.Configuration;

/// <summary>Settings records reach logs and exception messages through ToString: their secrets must not.</summary>
public sealed class SecretSettingsTests
{
    private const string Secret = "hunter2-very-secret";

    [Fact]
    public void The_postgresql_password_is_masked()
    {
        var text = new PostgreSqlSettings("db", 5432, "konifer", "app", Secret, "disable").ToString();
        Assert.DoesNotContain(Secret, text);
        Assert.Contains("Password = ***", text);
        Assert.Contains("Host = db", text);
    }

    [Fact]
    public void The_s3_secret_key_is_masked_and_the_access_key_shown()
    {
        var text = new S3Settings("http://s3", "eu", "AKIA", Secret, true).ToString();
        Assert.DoesNotContain(Secret, text);
        Assert.Contains("AccessKey = AKIA", text);
        Assert.Contains("SecretKey = ***", text);
    }

    [Fact]
    public void The_signing_key_is_masked_and_a_missing_one_says_so()
    {
        Assert.DoesNotContain(Secret, new UrlSigningSettings(true, SigningAlgorithm.HmacSha256, Secret).ToString());
        Assert.Contains("SecretKey = (not set)", UrlSigningSettings.Disabled.ToString());
    }

    [Fact]
    public void Nested_in_the_whole_settings_no_secret_shows()
    {
        var settings = new ObjectStoreSettings(ObjectStoreProvider.S3, null, new S3Settings(null, null, "id", Secret, false));
        Assert.DoesNotContain(Secret, settings.ToString());
    }
}
