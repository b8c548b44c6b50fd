using Konifer.Assets;
using Konifer.Core.Assets;

namespace Konifer.Http.Selectors;

/// <summary>The selector words after <c>/-/</c>, case-insensitive, with the reference's older aliases.</summary>
internal static class SelectorWords
{
    public const string Entry = "entry";
    public const string Recursive = "recursive";

    public static AssetOrder? Order(string word) => word.ToLowerInvariant() switch
    {
        "new" or "created" => AssetOrder.New,
        "modified" => AssetOrder.Modified,
        _ => null,
    };

    public static ReturnFormat? Format(string word) => word.ToLowerInvariant() switch
    {
        "link" => ReturnFormat.Link,
        "info" or "metadata" => ReturnFormat.Info,
        "content" => ReturnFormat.Content,
        "download" => ReturnFormat.Download,
        "redirect" => ReturnFormat.Redirect,
        "entries" => ReturnFormat.Entries,
        _ => null,
    };

    public static bool Is(string segment, string word) => string.Equals(segment, word, StringComparison.OrdinalIgnoreCase);

    /// <summary>The entry id of <c>entry/{id}</c>, or a 400 naming the bad segment.</summary>
    public static long RequireEntryId(string segment) =>
        EntryId(segment) ?? throw new BadRequestException($"Entry id '{segment}' is not a non-negative whole number.");

    public static long? EntryId(string segment) =>
        long.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
}
