using System.Globalization;
using KiemDiemBot.Bot.Protocol;

namespace KiemDiemBot.Bot.LocalChannel;

/// <summary>
/// The client side of the local channel: the subset of Direct Line 3.0 that Web Chat (DirectLineJS with
/// <c>webSocket: false</c>) and scripts use, under <c>/v3/directline</c> (PROTOCOL.md 7.1).
/// </summary>
public static class DirectLineEndpoints
{
    public const string BasePath = "/v3/directline";

    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(BasePath);
        group.MapPost("/conversations", StartConversationAsync);
        group.MapGet("/conversations/{conversationId}", GetConversation);
        group.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);
        group.MapGet("/conversations/{conversationId}/activities", GetActivities);
        group.MapPost("/tokens/refresh", RefreshToken);
        return endpoints;
    }

    /// <summary>201 with a new conversation, 200 with one that already existed.</summary>
    private static async Task<IResult> StartConversationAsync(HttpRequest request, LocalChannelService channel, CancellationToken cancellationToken)
    {
        var body = await LocalChannelResults.ReadAsync<StartConversationRequest>(request, cancellationToken);
        if (body is null || await channel.StartAsync(body, cancellationToken) is not { } opened)
        {
            return LocalChannelResults.BadArgument("The body must name a user ({\"user\":{\"id\":\"...\"}}) or a group ({\"group\":\"...\"}).");
        }
        return LocalChannelResults.Json(
            DirectLineConversation.For(opened.Conversation),
            opened.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    /// <summary>DirectLineJS reconnects to a known conversation with this call.</summary>
    private static IResult GetConversation(string conversationId, LocalChannelService channel) =>
        channel.Conversations.Find(conversationId) is { } conversation
            ? LocalChannelResults.Json(DirectLineConversation.For(conversation))
            : LocalChannelResults.ConversationNotFound();

    /// <summary>Anyone may write (there is no sign-in here); the bot must take the activity, else 502 as Direct Line answers.</summary>
    private static async Task<IResult> PostActivityAsync(string conversationId, HttpRequest request, LocalChannelService channel, CancellationToken cancellationToken)
    {
        if (channel.Conversations.Find(conversationId) is not { } conversation)
        {
            return LocalChannelResults.ConversationNotFound();
        }
        var activity = await LocalChannelResults.ReadAsync<Activity>(request, cancellationToken);
        if (activity is null || string.IsNullOrWhiteSpace(activity.Type))
        {
            return LocalChannelResults.BadArgument("The body must be an activity with a type.");
        }
        if (string.IsNullOrWhiteSpace(activity.From?.Id))
        {
            return LocalChannelResults.BadArgument("The activity must name its sender (from.id).");
        }
        var id = await channel.PostFromUserAsync(conversation, activity, cancellationToken);
        return id is null
            ? LocalChannelResults.Error(StatusCodes.Status502BadGateway, "BotError", "The bot is unavailable or returned an error.")
            : LocalChannelResults.Json(new ResourceResponse { Id = id });
    }

    /// <summary>Every activity after the watermark, the user's own included (Web Chat needs them back).</summary>
    private static IResult GetActivities(string conversationId, string? watermark, LocalChannelService channel)
    {
        if (channel.Conversations.Find(conversationId) is not { } conversation)
        {
            return LocalChannelResults.ConversationNotFound();
        }
        long? from = long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        var page = conversation.After(from);
        return LocalChannelResults.Json(new ActivitySet
        {
            Activities = page.Activities,
            Watermark = page.Watermark.ToString(CultureInfo.InvariantCulture),
        });
    }

    /// <summary>Answers the token's conversation again; 403 for a token that names no conversation, as for an expired one.</summary>
    private static IResult RefreshToken(HttpRequest request, LocalChannelService channel) =>
        DirectLineTokens.ConversationOf(request.Headers.Authorization) is { } conversationId
            && channel.Conversations.Find(conversationId) is { } conversation
            ? LocalChannelResults.Json(DirectLineConversation.For(conversation))
            : LocalChannelResults.Error(StatusCodes.Status403Forbidden, "TokenExpired", "Token not valid or expired.");
}
