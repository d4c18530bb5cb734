namespace KiemDiemBot.Dialogs;

/// <summary>
/// Gets a message that is neither a command nor a card submit before the fallback does: the member's active
/// flow may take it (a typed answer). Null means nothing took it.
/// </summary>
public interface IActiveFlowDialog
{
    Task<IReadOnlyList<DialogReply>?> ContinueAsync(DialogTurn turn, CancellationToken cancellationToken);
}
