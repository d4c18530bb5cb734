using System.Collections.Concurrent;
using KiemDiemBot.Dialogs;

namespace KiemDiemBot.Bot.Tests.Turns;

/// <summary>A welcome that answers with the text "welcome" and remembers whom it greeted.</summary>
public sealed class TestWelcomeDialog : IWelcomeDialog
{
    public const string Reply = "welcome";

    public ConcurrentQueue<DialogTurn> Turns { get; } = new();

    public Task<IReadOnlyList<DialogReply>> WelcomeAsync(DialogTurn turn, CancellationToken cancellationToken)
    {
        Turns.Enqueue(turn);
        return Task.FromResult<IReadOnlyList<DialogReply>>([DialogReply.FromText(Reply)]);
    }
}
