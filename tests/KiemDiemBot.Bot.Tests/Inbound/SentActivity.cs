using System.Text.Json;
using System.Text.Json.Nodes;
using KiemDiemBot.Bot.Protocol;

namespace KiemDiemBot.Bot.Tests.Inbound;

/// <summary>One call the bot made to the Connector: where it wrote, in reply to what, and what.</summary>
public sealed record SentActivity(string ServiceUrl, string ConversationId, string? ReplyToActivityId, Activity Activity)
{
    private const int SummaryLength = 80;

    /// <summary>Set when the call replaced an earlier message (PUT) instead of sending a new one.</summary>
    public string? UpdatedActivityId { get; init; }

    /// <summary>The id the Connector gave the activity (for an update, the replaced activity's id).</summary>
    public string? SentId { get; init; }

    /// <summary>What a failed assertion prints for it: where it went and what it said (its text, or its card's first line).</summary>
    public override string ToString() =>
        $"{SentId} to {ConversationId}{(UpdatedActivityId is null ? "" : " (update)")}{(ReplyToActivityId is null ? "" : " replying to " + ReplyToActivityId)}: {Summary()}";

    private string Summary()
    {
        var said = Activity.Text;
        if (string.IsNullOrEmpty(said) && Activity.Attachments is [{ Content: { } content }, ..])
        {
            var card = content as JsonNode ?? JsonSerializer.SerializeToNode(content);
            said = "card " + FirstText(card);
        }
        said ??= "(nothing)";
        return said.Length <= SummaryLength ? said : said[..SummaryLength] + "…";
    }

    private static string? FirstText(JsonNode? node) => node switch
    {
        JsonObject o when (string?)o["type"] == "TextBlock" => (string?)o["text"],
        JsonObject o => o.Select(p => FirstText(p.Value)).FirstOrDefault(t => t is not null),
        JsonArray a => a.Select(FirstText).FirstOrDefault(t => t is not null),
        _ => null,
    };
}
