using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using KiemDiemBot.Dialogs;

namespace KiemDiemBot.Bot.Tests.Turns;

/// <summary>A dialog started by its commands or verbs, answering with an Adaptive Card titled by its name.</summary>
public sealed class TestCommandDialog(string name, IReadOnlyCollection<string> commands, IReadOnlyCollection<string> verbs) : IDialog
{
    public string Name { get; } = name;

    public IReadOnlyCollection<string> Commands { get; } = commands;

    public IReadOnlyCollection<string> Verbs { get; } = verbs;

    public ConcurrentQueue<DialogTurn> Turns { get; } = new();

    /// <summary>When set, the dialog waits for it before answering (to show that the HTTP answer does not wait).</summary>
    public TaskCompletionSource? Gate { get; set; }

    public static JsonObject CardFor(string name) => new()
    {
        ["type"] = "AdaptiveCard",
        ["version"] = "1.5",
        ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = name }),
    };

    public async Task<IReadOnlyList<DialogReply>> RunAsync(DialogTurn turn, CancellationToken cancellationToken)
    {
        Turns.Enqueue(turn);
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }
        return [DialogReply.FromCard(CardFor(Name))];
    }
}
