using System.Globalization;
using KiemDiemBot.Bot.Protocol;

namespace KiemDiemBot.Bot.LocalChannel;

/// <summary>
/// The client side of the local channel: the subset of Direct Line 3.0 that Web Chat (DirectLineJS with
/// <c>webSocket: false</c>) and scripts use, under <c>/v3/directline</c> (PROTOCOL.md 7.1). Every call needs
/// the page's secret or the conversation's token (<see cref="DirectLineAccess"/>), and a body, if any, in JSON.
/// </summary>
public static class DirectLineEndpoints
{
    public const string BasePath = "/v3/directline";

    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(BasePath);
        group.MapPost("/conversations", StartConversationAsync).RequireDirectLine(DirectLineAccess.Secret);
        group.MapGet("/conversations/{conversationId}", GetConversationAsync).RequireDirectLine(DirectLineAccess.Conversation);
        group.MapPost("/conversations/{conversationId}/activities", PostActivityAsync).RequireDirectLine(DirectLineAccess.Conversation);
        group.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync).RequireDirectLine(DirectLineAccess.Conversation);
        group.MapPost("/tokens/refresh", RefreshTokenAsync).RequireDirectLine(DirectLineAccess.ConversationToken);
        return endpoints;
    }

    /// <summary>The access check first, then the JSON check: nothing is read or stored before both pass.</summary>
    internal static RouteHandlerBuilder RequireDirectLine(this RouteHandlerBuilder endpoint, DirectLineAccess access) =>
        endpoint.AddEndpointFilter(new DirectLineAccessFilter(access)).AddEndpointFilter(new JsonBodyFilter());

    /// <summary>201 with a new conversation, 200 with one that already existed.</summary>
    private static async Task<IResult> StartConversationAsync(HttpRequest request, LocalChannelService channel, DirectLineSecret secret, CancellationToken cancellationToken)
    {
        var body = await LocalChannelResults.ReadAsync<StartConversationRequest>(request, cancellationToken);
        if (body is null || await channel.StartAsync(body, cancellationToken) is not { } opened)
        {
            return LocalChannelResults.BadArgument("The body must name a user ({\"user\":{\"id\":\"...\"}}) or a group ({\"group\":\"...\"}).");
        }
        return LocalChannelResults.Json(
            DirectLineConversation.For(opened.Conversation, secret),
            opened.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    /// <summary>DirectLineJS reconnects to a known conversation with this call.</summary>
    private static async Task<IResult> GetConversationAsync(string conversationId, LocalChannelService channel, DirectLineSecret secret, CancellationToken cancellationToken) =>
        await channel.Conversations.FindAsync(conversationId, cancellationToken) is { } conversation
            ? LocalChannelResults.Json(DirectLineConversation.For(conversation, secret))
            : LocalChannelResults.ConversationNotFound();

    /// <summary>
    /// Whoever holds the page's secret or the conversation's token may write, as anyone (there is no sign-in
    /// here); the bot must take what is for it, else 502 as Direct Line answers.
    /// </summary>
    private static async Task<IResult> PostActivityAsync(string conversationId, HttpRequest request, LocalChannelService channel, CancellationToken cancellationToken)
    {
        if (await channel.Conversations.FindAsync(conversationId, cancellationToken) is not { } conversation)
        {
            return LocalChannelResults.ConversationNotFound();
        }
        var activity = await LocalChannelResults.ReadAsync<Activity>(request, cancellationToken);
        if (activity is null || string.IsNullOrWhiteSpace(activity.Type))
        {
            return LocalChannelResults.BadArgument("The body must be an activity with a type.");
        }
        if (string.IsNullOrWhiteSpace(activity.From?.Id)
            || activity.From.Id.Trim().Length > LocalConversationStore.MaxUserIdLength
            || string.Equals(activity.From.Id.Trim(), LocalBot.Id, StringComparison.OrdinalIgnoreCase))
        {
            return LocalChannelResults.BadArgument("The activity must name its sender (from.id), a user other than the bot.");
        }
        if (LocalChannelResults.TooLarge(activity) is { } tooLarge)
        {
            return tooLarge;
        }
        var id = await channel.PostFromUserAsync(conversation, activity, cancellationToken);
        return id is null
            ? LocalChannelResults.Error(StatusCodes.Status502BadGateway, "BotError", "The bot is unavailable or returned an error.")
            : LocalChannelResults.Json(new ResourceResponse { Id = id });
    }

    /// <summary>Every activity after the watermark, the user's own included (Web Chat needs them back).</summary>
    private static async Task<IResult> GetActivitiesAsync(string conversationId, string? watermark, LocalChannelService channel, CancellationToken cancellationToken)
    {
        if (await channel.Conversations.FindAsync(conversationId, cancellationToken) is not { } conversation)
        {
            return LocalChannelResults.ConversationNotFound();
        }
        long? from = long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        var page = await channel.Conversations.ReadAfterAsync(conversation, from, cancellationToken);
        return LocalChannelResults.Json(new ActivitySet
        {
            Activities = page.Activities,
            Watermark = page.Watermark.ToString(CultureInfo.InvariantCulture),
        });
    }

    /// <summary>Answers the token's conversation again, with its token (valid until the host restarts).</summary>
    private static async Task<IResult> RefreshTokenAsync(HttpRequest request, LocalChannelService channel, DirectLineSecret secret, CancellationToken cancellationToken) =>
        secret.Check(request.Headers.Authorization).ConversationId is { } conversationId
            && await channel.Conversations.FindAsync(conversationId, cancellationToken) is { } conversation
            ? LocalChannelResults.Json(DirectLineConversation.For(conversation, secret))
            : LocalChannelResults.Error(StatusCodes.Status403Forbidden, "TokenExpired", "Token not valid or expired.");
}
