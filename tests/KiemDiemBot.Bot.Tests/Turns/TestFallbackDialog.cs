using System.Collections.Concurrent;
using KiemDiemBot.Dialogs;

namespace KiemDiemBot.Bot.Tests.Turns;

/// <summary>A fallback that answers with the text "not understood".</summary>
public sealed class TestFallbackDialog : IFallbackDialog
{
    public const string Reply = "not understood";

    public ConcurrentQueue<DialogTurn> Turns { get; } = new();

    public Task<IReadOnlyList<DialogReply>> NotUnderstoodAsync(DialogTurn turn, CancellationToken cancellationToken)
    {
        Turns.Enqueue(turn);
        return Task.FromResult<IReadOnlyList<DialogReply>>([DialogReply.FromText(Reply)]);
    }
}
