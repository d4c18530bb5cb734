using KiemDiemBot.Cards;

namespace KiemDiemBot.Dialogs;

/// <summary>Answers a message no dialog understood with a short apology and a button to the commands.</summary>
public sealed class NotUnderstoodDialog : IFallbackDialog
{
    public Task<IReadOnlyList<DialogReply>> NotUnderstoodAsync(DialogTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var card = NotUnderstoodCard.Build(new NotUnderstoodCardInput(turn.UserName));
        return Task.FromResult<IReadOnlyList<DialogReply>>([DialogReply.FromCard(card)]);
    }
}
