namespace KiemDiemBot.Dialogs;

/// <summary>Answers what no dialog understood: a short "không hiểu" with a way to the help.</summary>
public interface IFallbackDialog
{
    Task<IReadOnlyList<DialogReply>> NotUnderstoodAsync(DialogTurn turn, CancellationToken cancellationToken);
}
