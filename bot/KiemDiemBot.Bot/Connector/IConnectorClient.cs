using KiemDiemBot.Bot.Protocol;

namespace KiemDiemBot.Bot.Connector;

/// <summary>
/// The Bot Connector REST API the bot calls (PROTOCOL.md 3.2), at the serviceUrl of each conversation.
/// Teams and the local channel are reached through the same client.
/// </summary>
public interface IConnectorClient
{
    Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken);

    Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken);

    Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken);

    Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken);

    /// <summary>Creates (or, for 1:1, finds: the call is idempotent) a conversation; used for proactive messages.</summary>
    Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken);

    /// <summary>
    /// One member of the conversation (<c>GET /v3/conversations/{id}/members/{userId}</c>; userId is the <c>29:</c> id,
    /// a UPN or an Entra object id), with e-mail and user principal name. A user not in the conversation is a
    /// <see cref="ConnectorException"/> with 404 (code <c>MemberNotFoundInConversation</c>).
    /// </summary>
    Task<TeamsChannelAccount> GetConversationMemberAsync(string serviceUrl, string conversationId, string userId, CancellationToken cancellationToken);

    Task<PagedMembersResult> GetPagedMembersAsync(string serviceUrl, string conversationId, int? pageSize, string? continuationToken, CancellationToken cancellationToken);
}
