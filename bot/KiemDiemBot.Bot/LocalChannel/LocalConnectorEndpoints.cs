using System.Globalization;
using KiemDiemBot.Bot.Protocol;

namespace KiemDiemBot.Bot.LocalChannel;

/// <summary>
/// The bot side of the local channel: the Bot Connector routes the bot's Connector client calls at the
/// serviceUrl this channel stamps (PROTOCOL.md 3.2-3.4), answering as Teams does. Bodies must be JSON, so
/// no other web page can post into a transcript with a form or a plain-text request.
/// </summary>
public static class LocalConnectorEndpoints
{
    public const string BasePath = "/v3/conversations";

    /// <summary>Teams' ceiling for one bot message (PROTOCOL.md 6): 100 KB of UTF-16.</summary>
    public const int MaxMessageBytes = LocalChannelResults.MaxMessageBytes;

    private const int MinPageSize = 50;
    private const int MaxPageSize = 500;

    public static IEndpointRouteBuilder MapLocalConnector(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(BasePath);
        group.AddEndpointFilter(new JsonBodyFilter());
        group.MapPost("/", CreateConversationAsync);
        group.MapPost("/{conversationId}/activities", SendAsync);
        group.MapPost("/{conversationId}/activities/{activityId}", ReplyAsync);
        group.MapPut("/{conversationId}/activities/{activityId}", UpdateAsync);
        group.MapDelete("/{conversationId}/activities/{activityId}", DeleteAsync);
        group.MapGet("/{conversationId}/members", GetMembersAsync);
        group.MapGet("/{conversationId}/members/{memberId}", GetMemberAsync);
        group.MapGet("/{conversationId}/pagedmembers", GetPagedMembersAsync);
        return endpoints;
    }

    /// <summary>1:1 with one member: that member's personal conversation (idempotent). Group chats: 400 BadSyntax, as Teams answers.</summary>
    private static async Task<IResult> CreateConversationAsync(HttpRequest request, LocalChannelService channel, CancellationToken cancellationToken)
    {
        var parameters = await LocalChannelResults.ReadAsync<ConversationParameters>(request, cancellationToken);
        if (parameters is null || parameters.IsGroup
            || parameters.Members is not [{ Id: { Length: > 0 and <= LocalConversationStore.MaxUserIdLength } memberId } member])
        {
            return LocalChannelResults.Error(StatusCodes.Status400BadRequest, "BadSyntax", "Incorrect conversation creation parameters");
        }
        if (parameters.Activity is { } first && Validate(first) is { } invalid)
        {
            return invalid;
        }
        var (conversation, _) = await channel.Conversations.GetOrCreatePersonalAsync(memberId, cancellationToken);
        await channel.Conversations.AddMemberAsync(conversation, member, cancellationToken);
        if (parameters.Activity is { } activity)
        {
            await channel.PostFromBotAsync(conversation, activity, replyToId: null, cancellationToken);
        }
        return LocalChannelResults.Json(new ConversationResourceResponse { Id = conversation.Id }, StatusCodes.Status201Created);
    }

    private static Task<IResult> SendAsync(string conversationId, HttpRequest request, LocalChannelService channel, CancellationToken cancellationToken) =>
        PostAsync(conversationId, replyToId: null, request, channel, cancellationToken);

    private static Task<IResult> ReplyAsync(string conversationId, string activityId, HttpRequest request, LocalChannelService channel, CancellationToken cancellationToken) =>
        PostAsync(conversationId, activityId, request, channel, cancellationToken);

    private static async Task<IResult> PostAsync(string conversationId, string? replyToId, HttpRequest request, LocalChannelService channel, CancellationToken cancellationToken)
    {
        var activity = await LocalChannelResults.ReadAsync<Activity>(request, cancellationToken);
        if (activity is null)
        {
            return LocalChannelResults.BadArgument("The body must be an activity.");
        }
        if (Validate(activity) is { } invalid)
        {
            return invalid;
        }
        if (await channel.Conversations.FindForBotAsync(conversationId, activity.Conversation, cancellationToken) is not { } conversation)
        {
            return LocalChannelResults.ConversationNotFound();
        }
        var id = await channel.PostFromBotAsync(conversation, activity, replyToId, cancellationToken);
        return LocalChannelResults.Json(new ResourceResponse { Id = id }, StatusCodes.Status201Created);
    }

    private static async Task<IResult> UpdateAsync(string conversationId, string activityId, HttpRequest request, LocalChannelService channel, CancellationToken cancellationToken)
    {
        if (await channel.Conversations.FindAsync(conversationId, cancellationToken) is not { } conversation)
        {
            return LocalChannelResults.ConversationNotFound();
        }
        var activity = await LocalChannelResults.ReadAsync<Activity>(request, cancellationToken);
        if (activity is null)
        {
            return LocalChannelResults.BadArgument("The body must be an activity.");
        }
        if (Validate(activity) is { } invalid)
        {
            return invalid;
        }
        return await channel.UpdateFromBotAsync(conversation, activityId, activity, cancellationToken)
            ? LocalChannelResults.Json(new ResourceResponse { Id = activityId })
            : ActivityNotFound();
    }

    private static async Task<IResult> DeleteAsync(string conversationId, string activityId, LocalChannelService channel, CancellationToken cancellationToken) =>
        await channel.Conversations.FindAsync(conversationId, cancellationToken) is not { } conversation ? LocalChannelResults.ConversationNotFound()
        : await channel.Conversations.RemoveAsync(conversation, activityId, cancellationToken) ? Results.Ok()
        : ActivityNotFound();

    /// <summary>The people in the conversation: whoever opened it or wrote in it (the bot is not listed, as in Teams).</summary>
    private static async Task<IResult> GetMembersAsync(string conversationId, LocalChannelService channel, CancellationToken cancellationToken) =>
        await channel.Conversations.FindAsync(conversationId, cancellationToken) is { } conversation
            ? LocalChannelResults.Json((await channel.Conversations.MembersAsync(conversation, cancellationToken)).Select(ToTeamsAccount).ToList())
            : LocalChannelResults.ConversationNotFound();

    private static async Task<IResult> GetMemberAsync(string conversationId, string memberId, LocalChannelService channel, CancellationToken cancellationToken)
    {
        if (await channel.Conversations.FindAsync(conversationId, cancellationToken) is not { } conversation)
        {
            return LocalChannelResults.ConversationNotFound();
        }
        var members = await channel.Conversations.MembersAsync(conversation, cancellationToken);
        var member = members.FirstOrDefault(m => string.Equals(m.Id, memberId.Trim(), StringComparison.OrdinalIgnoreCase));
        return member is null
            ? LocalChannelResults.Error(StatusCodes.Status404NotFound, "MemberNotFoundInConversation", "The member was not found in the conversation.")
            : LocalChannelResults.Json(ToTeamsAccount(member));
    }

    /// <summary>Pages as Teams does: a page size below 50 counts as 50, above 500 as 500; the token is the next offset.</summary>
    private static async Task<IResult> GetPagedMembersAsync(string conversationId, int? pageSize, string? continuationToken, LocalChannelService channel, CancellationToken cancellationToken)
    {
        if (await channel.Conversations.FindAsync(conversationId, cancellationToken) is not { } conversation)
        {
            return LocalChannelResults.ConversationNotFound();
        }
        var size = Math.Clamp(pageSize ?? MaxPageSize, MinPageSize, MaxPageSize);
        var offset = int.TryParse(continuationToken, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        var members = await channel.Conversations.MembersAsync(conversation, cancellationToken);
        var page = members.Skip(offset).Take(size).Select(ToTeamsAccount).ToList();
        var next = offset + page.Count;
        return LocalChannelResults.Json(new PagedMembersResult
        {
            Members = page,
            ContinuationToken = next < members.Count ? next.ToString(CultureInfo.InvariantCulture) : null,
        });
    }

    /// <summary>Local user ids are e-mail addresses, so the roster can say so.</summary>
    private static TeamsChannelAccount ToTeamsAccount(ChannelAccount member) => new()
    {
        Id = member.Id,
        Name = member.Name,
        Email = member.Id,
        UserPrincipalName = member.Id,
        UserRole = "user",
    };

    private static IResult? Validate(Activity activity) =>
        string.IsNullOrWhiteSpace(activity.Type)
            ? LocalChannelResults.BadArgument("The activity must have a type.")
            : LocalChannelResults.TooLarge(activity);

    private static IResult ActivityNotFound() =>
        LocalChannelResults.Error(StatusCodes.Status404NotFound, "ActivityNotFound", "The activity was not found in the conversation.");
}
