using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Cards;

namespace KiemDiemBot.TurnBench;

/// <summary>
/// A member writing their self-review with the bot, as in Teams: "tự kiểm điểm", then every card the bot sends
/// filled in the way a member would (each text box given a sentence, or a date, unless already filled; each choice
/// its first offer) and its flow button pressed, replying to the card's message. Once the summary comes, the member edits
/// one part after another from it (each edit is a saved step and leads back to the summary), so the run never
/// ends. A turn lasts from its POST until the bot's new card reaches the Connector.
/// </summary>
internal sealed class SelfReviewSession(BenchMember member, ActivityPoster poster, Uri endpoint, string token, BenchConnector connector) : IMemberSession
{
    public const string StartText = "tự kiểm điểm";

    private (JsonObject Card, string ActivityId)? current;
    private int edits;

    public async Task<bool> InstallAsync(CancellationToken cancellationToken)
    {
        var activityId = BenchMember.NewActivityId();
        var (_, _, reply, _) = await TurnExchange.RunAsync(poster, endpoint, token, connector, member.ConversationId, activityId, member.Install(activityId, connector.ServiceUrl), cancellationToken);
        return reply is not null;
    }

    public async Task<TurnTiming> StepAsync(CancellationToken cancellationToken)
    {
        var activityId = BenchMember.NewActivityId();
        var answer = current is { } shown ? Answer(shown.Card) : null;
        var body = answer is null
            ? member.Message(activityId, connector.ServiceUrl, StartText)
            : member.Submit(activityId, connector.ServiceUrl, answer, current!.Value.ActivityId);
        var (start, acknowledged, reply, failure) = await TurnExchange.RunAsync(poster, endpoint, token, connector, member.ConversationId, activityId, body, cancellationToken);
        if (reply is null)
        {
            current = null;
            return new TurnTiming(start, acknowledged, Stopwatch.GetTimestamp(), TurnOutcome.Failed, failure);
        }
        var card = CardOf(reply);
        current = card is null ? null : (card, reply.Id);
        // Any card is an answer (the submitted card, reached by the summary's Nộp, has no flow button: the member
        // then types "tự kiểm điểm" again and is back at the summary); a bare text would be a refusal.
        return new TurnTiming(start, acknowledged, reply.ArrivedAt, card is not null ? TurnOutcome.Answered : TurnOutcome.Unexpected);
    }

    /// <summary>The submit data of the card's flow button (on the summary: the next part to edit), with the inputs filled in.</summary>
    private JsonObject? Answer(JsonObject card)
    {
        var buttons = FlowButtons(card).ToList();
        if (buttons.Count == 0)
        {
            return null;
        }
        var inputs = Nodes(card).Where(node => ((string?)node["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true).ToList();
        // A card without inputs is the summary: its flow buttons edit the parts, taken in turn.
        var button = inputs.Count == 0 ? buttons[edits++ % buttons.Count] : buttons[0];
        var value = (JsonObject)button["data"]!.DeepClone();
        foreach (var input in inputs)
        {
            var id = (string?)input["id"];
            if (id is null)
            {
                continue;
            }
            value[id] = (string?)input["type"] switch
            {
                "Input.ChoiceSet" => (string?)input["value"] ?? (string?)input["choices"]?[0]?["value"],
                "Input.Date" => (string?)input["value"] ?? "1980-05-19",
                _ when !string.IsNullOrEmpty((string?)input["value"]) => (string?)input["value"],
                _ when id.Contains("date", StringComparison.OrdinalIgnoreCase) => "19/05/1980",
                _ => string.IsNullOrEmpty((string?)input["value"])
                    ? "Đảng viên " + member.Index.ToString(CultureInfo.InvariantCulture) + " hoàn thành tốt nhiệm vụ được giao trong năm."
                    : (string?)input["value"],
            };
        }
        return value;
    }

    private static IEnumerable<JsonObject> FlowButtons(JsonObject card) =>
        Nodes(card).Where(node => (string?)node["type"] == "Action.Submit"
            && (string?)node["data"]?[CardDataKeys.Verb] == CardVerbs.FlowSubmit);

    private static JsonObject? CardOf(ConnectorReply reply) =>
        JsonNode.Parse(reply.Body) is JsonObject activity && activity["attachments"] is JsonArray { Count: > 0 } attachments
            ? attachments[0]?["content"] as JsonObject
            : null;

    private static IEnumerable<JsonObject> Nodes(JsonNode? node) => node switch
    {
        JsonObject item => [item, .. item.SelectMany(child => Nodes(child.Value))],
        JsonArray list => list.SelectMany(Nodes),
        _ => [],
    };
}
