namespace KiemDiemBot.Dialogs;

/// <summary>A conversation flow. The router starts it by one of its commands or card verbs.</summary>
public interface IDialog
{
    /// <summary>Text commands that start this dialog, in their normalized form (see <see cref="CommandText"/>).</summary>
    IReadOnlyCollection<string> Commands { get; }

    /// <summary>Card submit verbs this dialog handles (see KiemDiemBot.Cards.CardVerbs).</summary>
    IReadOnlyCollection<string> Verbs { get; }

    Task<IReadOnlyList<DialogReply>> RunAsync(DialogTurn turn, CancellationToken cancellationToken);
}
