using KiemDiemBot.Core.Storage;
using KiemDiemBot.Dialogs;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Bot.Tests.Flows;

/// <summary>Who answered a turn, as the pipeline routes it.</summary>
public enum TurnAnswerer
{
    /// <summary>The dialog owning the card verb or the command (the flow engine, for flow commands and cards).</summary>
    Dialog,

    /// <summary>The member's active flow took the typed text.</summary>
    ActiveFlow,

    /// <summary>Nothing took it: the fallback answered.</summary>
    Fallback,
}

/// <summary>A turn that has run in its own scope and not committed yet: the state of a turn just before the pipeline's commit.</summary>
public sealed class PendingFlowTurn(AsyncServiceScope scope, TurnAnswerer answerer, IReadOnlyList<DialogReply> replies) : IAsyncDisposable
{
    public TurnAnswerer Answerer { get; } = answerer;

    public IReadOnlyList<DialogReply> Replies { get; } = replies;

    /// <summary>The turn's one commit, as the pipeline makes it.</summary>
    public Task CommitAsync(CancellationToken cancellationToken = default) =>
        scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(cancellationToken);

    public ValueTask DisposeAsync() => scope.DisposeAsync();
}
