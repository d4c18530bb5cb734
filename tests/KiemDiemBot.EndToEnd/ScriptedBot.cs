using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using KiemDiemBot.Bot.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace KiemDiemBot.EndToEnd;

/// <summary>
/// A stand-in for the bot's turn at <c>/api/messages</c>, mapped ahead of the host's own endpoints, so the
/// page and the local channel can be checked without the dialogs: any text gets a card with two
/// Action.Submit buttons; a submit gets a card saying which button was pressed. Replies go out through the
/// local channel's Connector routes at the activity's serviceUrl, as the real bot's do.
/// </summary>
internal sealed class ScriptedBot : IStartupFilter, IDisposable
{
    private readonly HttpClient _connector = new();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Map("/api/messages", branch => branch.Run(HandleAsync));
        next(app);
    };

    public void Dispose() => _connector.Dispose();

    private async Task HandleAsync(HttpContext context)
    {
        var activity = await JsonSerializer.DeserializeAsync<Activity>(context.Request.Body, ProtocolJson.Options, context.RequestAborted);
        if (activity?.Type == ActivityTypes.Message)
        {
            var card = activity.Value is JsonObject submitted
                ? Card("Bạn đã chọn: " + submitted["choice"], [])
                : Card("Chọn một việc", [Submit("Xem hướng dẫn", "guide"), Submit("Giới thiệu", "about")]);
            var reply = activity.CreateReply();
            reply.Attachments = [Attachment.AdaptiveCard(card)];
            var url = new Uri(new Uri(activity.ServiceUrl!),
                $"v3/conversations/{Uri.EscapeDataString(activity.Conversation!.Id!)}/activities/{Uri.EscapeDataString(activity.Id!)}");
            using var response = await _connector.PostAsJsonAsync(url, reply, ProtocolJson.Options, context.RequestAborted);
            response.EnsureSuccessStatusCode();
        }
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    private static JsonObject Card(string title, JsonArray actions) => new()
    {
        ["type"] = "AdaptiveCard",
        ["version"] = "1.5",
        ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = title, ["wrap"] = true }),
        ["actions"] = actions,
    };

    private static JsonObject Submit(string title, string choice) => new()
    {
        ["type"] = "Action.Submit",
        ["title"] = title,
        ["data"] = new JsonObject { ["choice"] = choice },
    };
}
