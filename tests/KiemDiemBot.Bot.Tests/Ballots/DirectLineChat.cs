using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using KiemDiemBot.Bot.Protocol;
using KiemDiemBot.Testing;

namespace KiemDiemBot.Bot.Tests.Ballots;

/// <summary>
/// One conversation of the local channel as Web Chat sees it through Direct Line: what a person posts (typed
/// text, a button pressed with the card's inputs) and the activities it polls, kept by id so that a card the
/// bot updates in place shows its latest version.
/// </summary>
public sealed class DirectLineChat(HttpClient http, string conversationId, bool isGroup)
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(50);

    private readonly List<JsonObject> activities = [];
    private string? watermark;

    public string ConversationId { get; } = conversationId;

    public bool IsGroup { get; } = isGroup;

    /// <summary>The bot's messages seen so far, each in its latest version, oldest first.</summary>
    public IReadOnlyList<JsonObject> FromBot => [.. activities.Where(a => (string?)a["from"]?["role"] == "bot")];

    /// <summary>The person types <paramref name="text"/> (in a group chat mentioning the bot first, as Teams requires).</summary>
    public Task SayAsync(BallotPerson person, string text) =>
        PostAsync(new JsonObject
        {
            ["type"] = ActivityTypes.Message,
            ["from"] = From(person),
            ["text"] = IsGroup ? "@KiemDiemBot " + text : text,
            ["locale"] = "vi-VN",
        });

    /// <summary>The person presses <paramref name="action"/> (an Action.Submit of <paramref name="card"/>'s message) with these inputs, as Web Chat posts it.</summary>
    public Task PressAsync(BallotPerson person, JsonObject message, JsonObject action, IReadOnlyDictionary<string, string>? inputs = null)
    {
        var value = (JsonObject)action["data"]!.DeepClone();
        foreach (var (id, answer) in inputs ?? new Dictionary<string, string>())
        {
            value[id] = answer;
        }
        return PostAsync(new JsonObject
        {
            ["type"] = ActivityTypes.Message,
            ["from"] = From(person),
            ["value"] = value,
            ["replyToId"] = (string?)message["id"],
            ["channelData"] = new JsonObject { ["clientActivityID"] = Guid.NewGuid().ToString("N"), ["postBack"] = true },
            ["locale"] = "vi-VN",
        });
    }

    /// <summary>Polls until a bot message matches (checked on every message's latest version); fails after 30 s.</summary>
    public async Task<JsonObject> WaitForAsync(Func<JsonObject, bool> match, string what)
    {
        var deadline = DateTime.UtcNow + WaitLimit;
        while (true)
        {
            await PollAsync();
            if (FromBot.LastOrDefault(match) is { } found)
            {
                return found;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No bot message in {ConversationId} showed {what} within {WaitLimit.TotalSeconds} s. Seen: "
                    + string.Join(" || ", FromBot.Select(CardText)));
            }
            await Task.Delay(PollEvery);
        }
    }

    /// <summary>Waits for a bot message whose text or card contains <paramref name="text"/>.</summary>
    public Task<JsonObject> WaitForTextAsync(string text) =>
        WaitForAsync(a => CardText(a).Contains(text, StringComparison.Ordinal), '"' + text + '"');

    /// <summary>Every activity of the conversation (the people's too) as Direct Line serves them now, as raw JSON.</summary>
    public async Task<string> RawTranscriptAsync() =>
        (await http.GetFromJsonAsync<JsonElement>($"v3/directline/conversations/{ConversationId}/activities")).GetRawText();

    /// <summary>The message's text and the JSON of its cards, for searching.</summary>
    public static string CardText(JsonObject activity) =>
        ((string?)activity["text"] ?? "") + " " + string.Join(" ", (activity["attachments"]?.AsArray() ?? []).Select(a => a?["content"]?.ToJsonString(ChatCards.Readable) ?? ""));

    /// <summary>The first Action.Submit of the message's card whose data carries this verb.</summary>
    public static JsonObject SubmitWithVerb(JsonObject activity, string verb) =>
        ChatCards.SubmitActions(activity).FirstOrDefault(a => (string?)a["data"]?[Cards.CardDataKeys.Verb] == verb)
        ?? throw new InvalidOperationException($"The card has no button with verb {verb}: {CardText(activity)}");

    private async Task PollAsync()
    {
        var query = watermark is null ? "" : "?watermark=" + watermark;
        var page = await http.GetFromJsonAsync<JsonObject>($"v3/directline/conversations/{ConversationId}/activities{query}")
            ?? throw new InvalidOperationException("Direct Line answered an empty activity set.");
        foreach (var activity in page["activities"]!.AsArray().OfType<JsonObject>())
        {
            activities.RemoveAll(a => (string?)a["id"] == (string?)activity["id"]);
            activities.Add((JsonObject)activity.DeepClone());
        }
        watermark = (string?)page["watermark"];
    }

    private async Task PostAsync(JsonObject activity)
    {
        using var response = await http.PostAsJsonAsync($"v3/directline/conversations/{ConversationId}/activities", activity);
        response.EnsureSuccessStatusCode();
    }

    private static JsonObject From(BallotPerson person) => new() { ["id"] = person.Email, ["name"] = person.FullName, ["role"] = "user" };
}
