namespace KiemDiemBot.Bot.Inbound;

/// <summary>Finds the one handler for an invoke name; refuses two handlers for the same name.</summary>
public sealed class InvokeRouter
{
    private readonly Dictionary<string, IInvokeHandler> byName = new(StringComparer.Ordinal);

    /// <exception cref="InvalidOperationException">Two handlers claim the same name.</exception>
    public InvokeRouter(IEnumerable<IInvokeHandler> handlers)
    {
        foreach (var handler in handlers)
        {
            if (!byName.TryAdd(handler.Name, handler))
            {
                throw new InvalidOperationException(
                    $"The invoke '{handler.Name}' is claimed by both {byName[handler.Name].GetType().Name} and {handler.GetType().Name}.");
            }
        }
    }

    public IInvokeHandler? Find(string? name) =>
        name is not null && byName.TryGetValue(name, out var handler) ? handler : null;
}
