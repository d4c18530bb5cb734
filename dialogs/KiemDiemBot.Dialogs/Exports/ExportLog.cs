using Microsoft.Extensions.Logging;

namespace KiemDiemBot.Dialogs.Exports;

/// <summary>The export dialogs' log: verbs, ids and outcomes only; never a name, a tally or a file.</summary>
internal static partial class ExportLog
{
    [LoggerMessage(EventId = 4801, Level = LogLevel.Information, Message = "Offered a ballot paper ({Verb}) to member {MemberId} in their personal chat")]
    public static partial void Offered(ILogger logger, string verb, Guid memberId);

    [LoggerMessage(EventId = 4802, Level = LogLevel.Information, Message = "Sent a ballot paper card ({Verb}) to member {MemberId}'s personal chat from a group chat")]
    public static partial void SentToPersonalChat(ILogger logger, string verb, Guid memberId);

    [LoggerMessage(EventId = 4803, Level = LogLevel.Warning, Message = "No personal chat known for member {MemberId}; the ballot paper ({Verb}) was not sent")]
    public static partial void PersonalChatUnknown(ILogger logger, string verb, Guid memberId);

    [LoggerMessage(EventId = 4804, Level = LogLevel.Warning, Message = "A ballot paper ({Verb}) was refused to member {MemberId}: not the body's secretary or deputy")]
    public static partial void Refused(ILogger logger, string verb, Guid memberId);

    [LoggerMessage(EventId = 4805, Level = LogLevel.Warning, Message = "An export reached the dialog without a roster member; nothing was sent")]
    public static partial void TurnWithoutMember(ILogger logger);
}
