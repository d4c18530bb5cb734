namespace KiemDiemBot.Dialogs;

/// <summary>Placeholder until the flow engine is registered: no flow takes free text.</summary>
internal sealed class NoActiveFlowDialog : IActiveFlowDialog
{
    public Task<IReadOnlyList<DialogReply>?> ContinueAsync(DialogTurn turn, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DialogReply>?>(null);
}
