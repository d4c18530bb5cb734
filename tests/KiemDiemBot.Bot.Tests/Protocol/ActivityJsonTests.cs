using System.Text.Json;
using System.Text.Json.Nodes;
using KiemDiemBot.Bot.Protocol;

namespace KiemDiemBot.Bot.Tests.Protocol;

/// <summary>Teams payloads parse into the Protocol types, and what the bot does not model is written back unchanged.</summary>
public sealed class ActivityJsonTests
{
    [Fact]
    public void Deserialize_ChannelMessageWithMention_ReadsWhoWroteWhereAndWhat()
    {
        var activity = Parse(TeamsPayloads.ChannelMessageWithMention);

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal("1759881511856", activity.Id);
        Assert.Equal("msteams", activity.ChannelId);
        Assert.Equal("https://smba.trafficmanager.net/amer/", activity.ServiceUrl);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 10, 0, 0, TimeSpan.Zero), activity.Timestamp);
        Assert.Equal(TimeSpan.FromHours(1), activity.LocalTimestamp?.Offset);
        Assert.Equal("29:1abc", activity.From?.Id);
        Assert.Equal("b15a9416-0000-4000-8000-000000000001", activity.From?.AadObjectId);
        Assert.Equal(ConversationTypes.Channel, activity.Conversation?.ConversationType);
        Assert.True(activity.Conversation?.IsGroup);
        Assert.Equal("50612dbb-0000-4000-8000-000000000002", activity.GetTenantId());
        Assert.Equal("19:team@thread.tacv2", activity.ChannelData?.Team?.Id);
        Assert.Equal("19:abc@thread.tacv2", activity.ChannelData?.Channel?.Id);
        Assert.Equal("<at>MyBot</at> hello", activity.Text);
        var mention = Assert.Single(activity.Entities!, e => e.Type == Entity.MentionType).AsMention();
        Assert.Equal("<at>MyBot</at>", mention?.Text);
        Assert.Equal(activity.Recipient?.Id, mention?.Mentioned?.Id);
    }

    [Fact]
    public void RoundTrip_UnknownTopLevelFields_WrittenBackUnchanged()
    {
        var original = JsonNode.Parse(TeamsPayloads.ChannelMessageWithMention)!;

        var written = RoundTrip(TeamsPayloads.ChannelMessageWithMention);

        Assert.True(JsonNode.DeepEquals(original["rankingScore"], written["rankingScore"]));
        Assert.True(JsonNode.DeepEquals(original["newFeature"], written["newFeature"]));
    }

    [Fact]
    public void RoundTrip_UnknownNestedFields_WrittenBackUnchanged()
    {
        var original = JsonNode.Parse(TeamsPayloads.ChannelMessageWithMention)!;

        var written = RoundTrip(TeamsPayloads.ChannelMessageWithMention);

        string[][] paths =
        [
            ["from", "userPrincipalName"],
            ["conversation", "threadKind"],
            ["channelData", "source"],
            ["channelData", "tenant", "region"],
            ["channelData", "team", "internalId"],
        ];
        foreach (var path in paths)
        {
            var before = At(original, path);
            Assert.NotNull(before);
            Assert.True(JsonNode.DeepEquals(before, At(written, path)), string.Join('.', path));
        }
        Assert.True(JsonNode.DeepEquals(original["attachments"], written["attachments"]));
    }

    [Fact]
    public void RoundTrip_UnknownEntityTypes_WrittenBackUnchanged()
    {
        var original = JsonNode.Parse(TeamsPayloads.ChannelMessageWithMention)!;

        var written = RoundTrip(TeamsPayloads.ChannelMessageWithMention);

        Assert.True(JsonNode.DeepEquals(original["entities"], written["entities"]));
    }

    [Fact]
    public void RoundTrip_EntityTypeFromAnInstallationUpdate_WrittenBackUnchanged()
    {
        var original = JsonNode.Parse(TeamsPayloads.InstallationUpdateAdd)!;

        var written = RoundTrip(TeamsPayloads.InstallationUpdateAdd);

        Assert.True(JsonNode.DeepEquals(original["entities"], written["entities"]));
        Assert.True(JsonNode.DeepEquals(original["channelData"]?["source"], written["channelData"]?["source"]));
    }

    [Fact]
    public void Deserialize_ConversationUpdate_ListsTheMembersAdded()
    {
        var activity = Parse(TeamsPayloads.ConversationUpdateBotAdded);

        Assert.Equal(ActivityTypes.ConversationUpdate, activity.Type);
        Assert.Equal(["28:5b1f3c8e-0d4a-4f6b-9a57-2c1d7e9b8a01", "29:1def"], activity.MembersAdded!.Select(m => m.Id));
        Assert.Equal("teamMemberAdded", activity.ChannelData?.EventType);
        Assert.Equal("Chi bộ 1", activity.ChannelData?.Team?.Name);
        var written = RoundTrip(TeamsPayloads.ConversationUpdateBotAdded);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse(TeamsPayloads.ConversationUpdateBotAdded)!["channelData"]?["settings"],
            written["channelData"]?["settings"]));
    }

    [Fact]
    public void Deserialize_InstallationUpdate_ReadsTheActionAndTenant()
    {
        var activity = Parse(TeamsPayloads.InstallationUpdateAdd);

        Assert.Equal(ActivityTypes.InstallationUpdate, activity.Type);
        Assert.Equal("add", activity.Action);
        Assert.Equal(ConversationTypes.Personal, activity.Conversation?.ConversationType);
        Assert.Equal("50612dbb-0000-4000-8000-000000000002", activity.GetTenantId());
    }

    [Fact]
    public void Deserialize_ActionSubmit_KeepsTheSubmittedDataAsAnObject()
    {
        var activity = Parse(TeamsPayloads.ActionSubmit);

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Null(activity.Text);
        Assert.Equal("1730000000000", activity.ReplyToId);
        var value = Assert.IsType<JsonObject>(activity.Value);
        Assert.Equal("help.show", value["verb"]?.GetValue<string>());
        Assert.Equal("Đồng ý", value["comment"]?.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(TeamsPayloads.ActionSubmit)!["value"], RoundTrip(TeamsPayloads.ActionSubmit)["value"]));
    }

    [Fact]
    public void Deserialize_AdaptiveCardInvoke_ReadsNameAndActionValue()
    {
        var activity = Parse(TeamsPayloads.AdaptiveCardInvoke);

        Assert.Equal(ActivityTypes.Invoke, activity.Type);
        Assert.Equal("adaptiveCard/action", activity.Name);
        Assert.Equal("f:123", activity.Id);
        Assert.Equal("approve", activity.Value?["action"]?["verb"]?.GetValue<string>());
        Assert.Equal("42", activity.Value?["action"]?["data"]?["requestId"]?.GetValue<string>());
    }

    [Fact]
    public void Serialize_CardReply_WritesTheAdaptiveCardAttachmentAndNoNulls()
    {
        var inbound = Parse(TeamsPayloads.ActionSubmit);
        var reply = inbound.CreateReply();
        reply.Attachments = [Attachment.AdaptiveCard(new JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.5" })];

        var written = JsonNode.Parse(JsonSerializer.Serialize(reply, ProtocolJson.Options))!;

        Assert.Equal("message", written["type"]?.GetValue<string>());
        Assert.Equal("1730000000002", written["replyToId"]?.GetValue<string>());
        Assert.Equal(Attachment.AdaptiveCardContentType, written["attachments"]?[0]?["contentType"]?.GetValue<string>());
        Assert.Equal("1.5", written["attachments"]?[0]?["content"]?["version"]?.GetValue<string>());
        Assert.False(written.AsObject().ContainsKey("text"));
        Assert.False(written.AsObject().ContainsKey("id"));
    }

    private static Activity Parse(string json) =>
        JsonSerializer.Deserialize<Activity>(json, ProtocolJson.Options) ?? throw new InvalidOperationException("null activity");

    private static JsonNode RoundTrip(string json) =>
        JsonNode.Parse(JsonSerializer.Serialize(Parse(json), ProtocolJson.Options))!;

    private static JsonNode? At(JsonNode node, IEnumerable<string> path) =>
        path.Aggregate<string, JsonNode?>(node, (current, name) => current?[name]);
}
