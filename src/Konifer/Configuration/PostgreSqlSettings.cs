namespace Konifer.Configuration;

public sealed record PostgreSqlSettings(string Host, int Port, string Database, string User, string Password, string SslMode)
{
    // Settings end up in logs and exception messages: the generated ToString must not print the password.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"Host = {Host}, Port = {Port}, Database = {Database}, User = {User}, Password = {Secret.Mask(Password)}, SslMode = {SslMode}");
        return true;
    }
}
