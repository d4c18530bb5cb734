namespace KiemDiemBot.Bot.Identity;

/// <summary>Identity outcomes: activity ids, member ids and how they were matched; never names, e-mails or object ids.</summary>
internal static partial class IdentityLog
{
    [LoggerMessage(EventId = 1501, Level = LogLevel.Debug, Message = "Activity {ActivityId} written by member {MemberId} ({Source})")]
    public static partial void Resolved(this ILogger logger, string? activityId, Guid memberId, TurnIdentitySource source);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Information, Message = "Activity {ActivityId}: member {MemberId} recognised by {Source}; their Entra account is linked at commit")]
    public static partial void LinkStaged(this ILogger logger, string? activityId, Guid memberId, TurnIdentitySource source);

    [LoggerMessage(EventId = 1503, Level = LogLevel.Information, Message = "Activity {ActivityId} on channel {ChannelId}: the writer is on no roster")]
    public static partial void NotOnRoster(this ILogger logger, string? activityId, string? channelId);

    [LoggerMessage(EventId = 1504, Level = LogLevel.Information, Message = "Activity {ActivityId}: the Connector does not know the writer as a member of the conversation")]
    public static partial void MemberNotInConversation(this ILogger logger, string? activityId);
}
