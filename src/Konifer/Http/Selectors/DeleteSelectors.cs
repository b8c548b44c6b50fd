using Konifer.Core.Assets;

namespace Konifer.Http.Selectors;

/// <summary>DELETE selectors: none (newest), <c>new</c>|<c>modified</c>, <c>entry/{id}</c> or <c>recursive</c>.</summary>
public sealed record DeleteSelectors(AssetOrder Order, long? EntryId, bool Recursive)
{
    public static DeleteSelectors Parse(IReadOnlyList<string> segments)
    {
        switch (segments.Count)
        {
            case 0:
                return new DeleteSelectors(AssetOrder.New, null, false);
            case 1 when SelectorWords.Order(segments[0]) is { } order:
                return new DeleteSelectors(order, null, false);
            case 1 when SelectorWords.Is(segments[0], SelectorWords.Recursive):
                return new DeleteSelectors(AssetOrder.New, null, true);
            case 2 when SelectorWords.Is(segments[0], SelectorWords.Entry):
                var id = SelectorWords.RequireEntryId(segments[1]);
                return new DeleteSelectors(AssetOrder.New, id, false);
            default:
                throw new BadRequestException(
                    $"Invalid delete selectors '/-/{string.Join('/', segments)}': expected new, modified, entry/{{id}} or recursive.");
        }
    }
}
