using KiemDiemBot.Cards;

namespace KiemDiemBot.Dialogs;

/// <summary>
/// Shows the welcome card: when the bot meets a member, on the command "giới thiệu" and on the card
/// button that asks for it.
/// </summary>
public sealed class WelcomeDialog : IDialog, IWelcomeDialog
{
    public IReadOnlyCollection<string> Commands { get; } = ["gioi thieu"];

    public IReadOnlyCollection<string> Verbs { get; } = [CardVerbs.ShowAbout];

    public Task<IReadOnlyList<DialogReply>> RunAsync(DialogTurn turn, CancellationToken cancellationToken) =>
        WelcomeAsync(turn, cancellationToken);

    public Task<IReadOnlyList<DialogReply>> WelcomeAsync(DialogTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var card = WelcomeCard.Build(new WelcomeCardInput(turn.UserName));
        return Task.FromResult<IReadOnlyList<DialogReply>>([DialogReply.FromCard(card)]);
    }
}
