namespace KiemDiemBot.Dialogs;

/// <summary>Greets a member: when the bot is installed, and on the first message it ever gets from them.</summary>
public interface IWelcomeDialog
{
    Task<IReadOnlyList<DialogReply>> WelcomeAsync(DialogTurn turn, CancellationToken cancellationToken);
}
