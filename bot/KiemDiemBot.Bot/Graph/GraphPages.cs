namespace KiemDiemBot.Bot.Graph;

/// <summary>
/// Follows a Graph collection's <c>@odata.nextLink</c> pages to the end (learn.microsoft.com/graph/paging): the first
/// page from <paramref name="first"/>, each next one from its link as given (never rebuilt), items in order.
/// </summary>
internal static class GraphPages
{
    public static async IAsyncEnumerable<TItem> ReadAllAsync<TPage, TItem>(
        Func<CancellationToken, Task<TPage?>> first,
        Func<string, CancellationToken, Task<TPage?>> next,
        Func<TPage, IEnumerable<TItem>?> items,
        Func<TPage, string?> nextLink,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        where TPage : class
    {
        var page = await first(cancellationToken).ConfigureAwait(false);
        while (page is not null)
        {
            foreach (var item in items(page) ?? [])
            {
                yield return item;
            }
            if (nextLink(page) is not { Length: > 0 } link)
            {
                yield break;
            }
            page = await next(link, cancellationToken).ConfigureAwait(false);
        }
    }
}
