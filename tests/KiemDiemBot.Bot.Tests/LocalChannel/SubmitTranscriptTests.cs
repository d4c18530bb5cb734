using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KiemDiemBot.Bot.LocalChannel;
using KiemDiemBot.Bot.Protocol;
using KiemDiemBot.Core.Transcripts;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Bot.Tests.LocalChannel;

/// <summary>
/// A card submit may be a secret ballot: the local channel's transcript (its own storage, kept with the
/// chat history) must not keep what was chosen, while the bot still gets the whole submit.
/// </summary>
public sealed class SubmitTranscriptTests : IAsyncLifetime
{
    private const string ChoiceMarker = "lua-chon-bi-mat-7f3a";
    private readonly LocalChannelTestHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task PostActivity_CardSubmit_ReachesTheBotWholeButTheTranscriptKeepsNoValue()
    {
        var (_, conversation) = await _host.StartPersonalAsync("binh@example.vn", "Bình");
        _host.Bot.Drain();
        var submit = JsonSerializer.Deserialize<JsonElement>(
            $$$"""
            {"type":"message","from":{"id":"binh@example.vn","name":"Bình","role":"user"},
             "value":{"verb":"ballot.cast","choice":"{{{ChoiceMarker}}}"},
             "channelData":{"clientActivityID":"wc-1","postBack":true,"secretNote":"{{{ChoiceMarker}}}"}}
            """);

        using var response = await _host.Http.PostAsJsonAsync($"v3/directline/conversations/{conversation.ConversationId}/activities", submit);

        var posted = await response.Content.ReadFromJsonAsync<ResourceResponse>();
        var delivered = await _host.Bot.NextAsync(ActivityTypes.Message);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(posted!.Id, delivered.Id);
        Assert.Equal(ChoiceMarker, delivered.Value?["choice"]?.GetValue<string>());

        var echoed = Assert.Single((await _host.GetActivitiesAsync(conversation.ConversationId)).GetProperty("activities").EnumerateArray());
        Assert.Equal(posted.Id, echoed.GetProperty("id").GetString());
        Assert.Equal("binh@example.vn", echoed.GetProperty("from").GetProperty("id").GetString());
        Assert.False(echoed.TryGetProperty("value", out _));
        Assert.False(echoed.TryGetProperty("text", out _));
        Assert.Equal("wc-1", echoed.GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.True(echoed.GetProperty("channelData").GetProperty("postBack").GetBoolean());
        Assert.DoesNotContain(ChoiceMarker, echoed.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(ChoiceMarker, await StoredTranscriptAsync(conversation.ConversationId), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostActivity_GroupSubmitWithText_TranscriptKeepsNeitherTextNorValue()
    {
        var (_, conversation) = await _host.StartAsync(new { group = "Chi bộ 3 – họp", user = new { id = "lan@example.vn", name = "Lan" } });
        _host.Bot.Drain();
        var submit = new Activity
        {
            Type = ActivityTypes.Message,
            From = new ChannelAccount { Id = "lan@example.vn" },
            Text = "text-" + ChoiceMarker,
            Value = new System.Text.Json.Nodes.JsonObject { ["choice"] = ChoiceMarker },
        };

        using var response = await _host.Http.PostAsJsonAsync($"v3/directline/conversations/{conversation.ConversationId}/activities", submit, ProtocolJson.Options);

        var delivered = await _host.Bot.NextAsync(ActivityTypes.Message);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text-" + ChoiceMarker, delivered.Text);
        Assert.Equal(ChoiceMarker, delivered.Value?["choice"]?.GetValue<string>());
        var transcript = (await _host.GetActivitiesAsync(conversation.ConversationId)).GetRawText();
        Assert.Contains("lan@example.vn", transcript, StringComparison.Ordinal);
        Assert.DoesNotContain(ChoiceMarker, transcript, StringComparison.Ordinal);
        Assert.DoesNotContain(ChoiceMarker, await StoredTranscriptAsync(conversation.ConversationId), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostActivity_PlainMessage_TranscriptKeepsItsText()
    {
        var (_, conversation) = await _host.StartPersonalAsync("hoa@example.vn", "Hoa");

        (await _host.SayAsync(conversation.ConversationId, "hoa@example.vn", "tiến độ")).Dispose();

        Assert.Contains("tiến độ", await StoredTranscriptAsync(conversation.ConversationId), StringComparison.Ordinal);
    }

    /// <summary>Every payload the transcript store holds for the conversation, read straight from the store.</summary>
    private async Task<string> StoredTranscriptAsync(string conversationId)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var page = await scope.ServiceProvider.GetRequiredService<ILocalTranscriptStore>().ReadAfterAsync(conversationId, null, CancellationToken.None);
        Assert.NotNull(page);
        Assert.NotEmpty(page.Entries);
        return string.Join("\n", page.Entries.Select(e => e.Payload));
    }
}
