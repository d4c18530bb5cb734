using System.Text.Json.Nodes;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Identity;
using KiemDiemBot.Dialogs;

namespace KiemDiemBot.Bot.Tests.Flows;

/// <summary>A message the bot sent, as the conversation now shows it (an update replaces it in place).</summary>
public sealed record ChatMessage(string Id, string? Text, JsonObject? Card);

/// <summary>
/// One conversation as a channel would keep it: the bot's messages with their ids, replaced in place by updates
/// as Teams and the local channel do; and the turns a member makes in it (typing, pressing a card's button).
/// </summary>
public sealed class ChatTranscript(string conversationId, bool isGroup = false, bool supportsUpdates = true)
{
    private readonly List<ChatMessage> messages = [];
    private int nextId;

    public string ConversationId { get; } = conversationId;

    public bool IsGroup { get; } = isGroup;

    public IReadOnlyList<ChatMessage> Messages => messages;

    public ChatMessage Last => messages[^1];

    public ChatMessage this[string id] => messages.Single(message => message.Id == id);

    /// <summary>A message the member types (mentions already removed).</summary>
    public DialogTurn Say(TurnMember member, string text) => Turn(member, text, value: null, replyToId: null);

    /// <summary>The member presses the (first) button of <paramref name="message"/>'s card, with these input values.</summary>
    public DialogTurn Press(TurnMember member, ChatMessage message, params (string Id, string Value)[] inputs)
    {
        var card = message.Card ?? throw new InvalidOperationException($"Message {message.Id} has no card.");
        var submit = card["actions"]?.AsArray().OfType<JsonObject>().FirstOrDefault(a => (string?)a["type"] == "Action.Submit")
            ?? throw new InvalidOperationException($"The card of message {message.Id} has no button.");
        // As a channel posts it: the button's data with the inputs' values merged in, as JSON.
        var value = JsonNode.Parse(submit["data"]!.ToJsonString())!.AsObject();
        foreach (var (id, text) in inputs)
        {
            value[id] = text;
        }
        return Turn(member, text: null, value, message.Id);
    }

    /// <summary>Shows the replies of a turn: new messages appended, updates applied in place. Answers the new messages.</summary>
    public IReadOnlyList<ChatMessage> Apply(IReadOnlyList<DialogReply> replies)
    {
        var added = new List<ChatMessage>();
        foreach (var reply in replies)
        {
            if (reply.UpdateActivityId is { } id)
            {
                var index = messages.FindIndex(message => message.Id == id);
                if (index < 0)
                {
                    throw new InvalidOperationException($"The bot updated message {id}, which is not in conversation {ConversationId}.");
                }
                messages[index] = messages[index] with { Text = reply.Text, Card = reply.Card };
            }
            else
            {
                var message = new ChatMessage($"{ConversationId}/bot-{++nextId}", reply.Text, reply.Card);
                messages.Add(message);
                added.Add(message);
            }
        }
        return added;
    }

    /// <summary>The flow data a card's buttons carry.</summary>
    public static FlowCardData? DataOf(ChatMessage message) =>
        message.Card?["actions"]?.AsArray().OfType<JsonObject>().Select(a => FlowCardData.TryRead(a["data"] as JsonObject)).FirstOrDefault();

    private DialogTurn Turn(TurnMember member, string? text, JsonObject? value, string? replyToId) =>
        new("msteams", ConversationId, IsGroup, "29:" + member.MemberId.ToString("N"), member.FullName, text, value)
        {
            ActivityId = Guid.NewGuid().ToString("N"),
            ReplyToId = replyToId,
            Member = member,
            SupportsUpdates = supportsUpdates,
        };
}
