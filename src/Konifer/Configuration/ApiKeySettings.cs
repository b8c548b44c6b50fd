using Konifer.Paths;

namespace Konifer.Configuration;

/// <summary>
/// One entry of <c>auth.api-keys</c>: the SHA-256 of a key (never the key itself), what it may do and where. Several
/// entries with the same scopes and paths are how a key is rotated: both are valid until the old one is removed.
/// </summary>
/// <param name="Name">Shown in logs and <c>--check-config</c>, never to clients.</param>
/// <param name="Hash">The 32-byte SHA-256 of the key's UTF-8 text (<c>sha256:</c> and 64 hex digits in the file).</param>
public sealed record ApiKeySettings(string Name, byte[] Hash, IReadOnlyList<AuthScope> Scopes, IReadOnlyList<PathPattern> Paths)
{
    /// <summary>As konifer.conf writes an entry, the hash masked: --check-config prints this.</summary>
    public override string ToString() =>
        $"{{ name = {System.Text.Json.JsonSerializer.Serialize(Name)}, hash = {Secret.Mask("set")}, scopes = [{string.Join(", ", Scopes.Select(s => s.Name()))}], " +
        $"paths = [{string.Join(", ", Paths.Select(p => System.Text.Json.JsonSerializer.Serialize(p.Value)))}] }}";
}
