using System.Collections.Concurrent;
using KiemDiemBot.Dialogs;

namespace KiemDiemBot.Bot.Tests.Turns;

/// <summary>A fallback that answers with the text "not understood".</summary>
public sealed class TestFallbackDialog : IFallbackDialog
{
    public const string Reply = "not understood";

    public ConcurrentQueue<DialogTurn> Turns { get; } = new();

    /// <summary>When set, the dialog fails as a broken one would.</summary>
    public bool Fails { get; set; }

    /// <summary>When set, every turn waits for it (or for its turn's cancellation) before answering.</summary>
    public TaskCompletionSource? Gate { get; set; }

    public async Task<IReadOnlyList<DialogReply>> NotUnderstoodAsync(DialogTurn turn, CancellationToken cancellationToken)
    {
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }
        if (Fails)
        {
            throw new InvalidOperationException("The test fallback was told to fail.");
        }
        Turns.Enqueue(turn);
        return [DialogReply.FromText(Reply)];
    }
}
