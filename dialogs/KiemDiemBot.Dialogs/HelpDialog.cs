using KiemDiemBot.Cards;

namespace KiemDiemBot.Dialogs;

/// <summary>Shows the list of commands, on "trợ giúp" or "hướng dẫn" and on the card button that asks for it.</summary>
public sealed class HelpDialog : IDialog
{
    public IReadOnlyCollection<string> Commands { get; } = ["tro giup", "huong dan"];

    public IReadOnlyCollection<string> Verbs { get; } = [CardVerbs.ShowHelp];

    public Task<IReadOnlyList<DialogReply>> RunAsync(DialogTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var card = HelpCard.Build(new HelpCardInput(turn.IsGroup));
        return Task.FromResult<IReadOnlyList<DialogReply>>([DialogReply.FromCard(card)]);
    }
}
