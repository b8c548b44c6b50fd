using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Konifer.Configuration.Reading;

/// <summary>
/// Older spellings that are still read but that the reference no longer documents. Start-up names them once, with
/// the blocks that use them, so that an operator can move to the new keys before they stop working.
/// </summary>
public static partial class LegacyKeys
{
    /// <summary>The <c>paths</c> blocks (their keys) whose expiry is read from <c>transform.expire</c>.</summary>
    public static IReadOnlyList<string> LegacyExpireBlocks(JsonObject document)
    {
        var blocks = new List<string>();
        switch (document["paths"])
        {
            case JsonObject byPattern:
                foreach (var (pattern, body) in byPattern)
                    if (body is JsonObject block && UsesLegacyExpire(block)) blocks.Add($"paths.{ConfigText.QuoteKey(pattern)}");
                break;
            case JsonArray list:
                for (var i = 0; i < list.Count; i++)
                    if (list[i] is JsonObject block && UsesLegacyExpire(block)) blocks.Add($"paths[{i}]");
                break;
        }
        return blocks;
    }

    /// <summary>Logs one warning when any block uses an older spelling.</summary>
    public static void Warn(ILogger logger, JsonObject document)
    {
        var blocks = LegacyExpireBlocks(document);
        if (blocks.Count > 0)
            LogLegacyExpire(logger, RetentionReader.LegacyExpireKey, RetentionReader.ExpireKey, string.Join(", ", blocks));
    }

    private static bool UsesLegacyExpire(JsonObject block)
    {
        try
        {
            return RetentionReader.UsesLegacyExpire(new ConfigReader(block, "").Section("transform"));
        }
        catch (ConfigurationException)
        {
            return false; // a malformed block already stopped start-up in the reader
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{OldKey} is deprecated: write {NewKey} instead (the same strategy and ttl). Used in {Blocks}")]
    private static partial void LogLegacyExpire(ILogger logger, string oldKey, string newKey, string blocks);
}
