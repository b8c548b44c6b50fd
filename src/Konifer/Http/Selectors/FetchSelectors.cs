using Konifer.Assets;
using Konifer.Core.Assets;

namespace Konifer.Http.Selectors;

/// <summary>
/// GET selectors: <c>[order][/return-format]</c> or <c>entry/{id}[/return-format]</c>. Which formats combine with an
/// entry id or a limit is the use case's rule (<see cref="FetchAsset"/>), not the grammar's.
/// </summary>
public sealed record FetchSelectors(AssetOrder Order, long? EntryId, ReturnFormat Format)
{
    public static FetchSelectors Default { get; } = new(AssetOrder.New, null, ReturnFormat.Link);

    public static FetchSelectors Parse(IReadOnlyList<string> segments)
    {
        switch (segments.Count)
        {
            case 0:
                return Default;
            case 1 when SelectorWords.Format(segments[0]) is { } format:
                return Default with { Format = format };
            case 1 when SelectorWords.Order(segments[0]) is { } order:
                return Default with { Order = order };
            case 2 when SelectorWords.Order(segments[0]) is { } order && SelectorWords.Format(segments[1]) is { } format:
                return new FetchSelectors(order, null, format);
            case 2 or 3 when SelectorWords.Is(segments[0], SelectorWords.Entry):
                var id = SelectorWords.RequireEntryId(segments[1]);
                if (segments.Count == 2) return Default with { EntryId = id };
                var entryFormat = SelectorWords.Format(segments[2])
                    ?? throw new BadRequestException($"'{segments[2]}' is not a return format: use link, info, content, download, redirect or entries.");
                return new FetchSelectors(AssetOrder.New, id, entryFormat);
            default:
                throw new BadRequestException(
                    $"Invalid selectors '/-/{string.Join('/', segments)}': expected [new|modified][/link|info|content|download|redirect|entries] or entry/{{id}}[/return-format].");
        }
    }
}
