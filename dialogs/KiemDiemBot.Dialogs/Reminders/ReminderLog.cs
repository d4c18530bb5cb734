using Microsoft.Extensions.Logging;

namespace KiemDiemBot.Dialogs.Reminders;

/// <summary>The reminder dialogs' log lines: ids and counts only, never names or card values.</summary>
internal static partial class ReminderLog
{
    [LoggerMessage(EventId = 7651, Level = LogLevel.Information, Message = "Member {MemberId} may not {Command}")]
    public static partial void Refused(ILogger logger, Guid memberId, string command);

    [LoggerMessage(EventId = 7652, Level = LogLevel.Information, Message = "Reminder schedule of cell {CellId} in cycle {CycleId} shown to member {MemberId}: {Occasions} occasions")]
    public static partial void ScheduleShown(ILogger logger, Guid cellId, Guid cycleId, Guid memberId, int occasions);

    [LoggerMessage(EventId = 7653, Level = LogLevel.Information,
        Message = "Reminder pauses of cell {CellId} in cycle {CycleId} saved by member {MemberId}: {Paused} paused, {Resumed} resumed")]
    public static partial void PausesSaved(ILogger logger, Guid cellId, Guid cycleId, Guid memberId, int paused, int resumed);

    [LoggerMessage(EventId = 7654, Level = LogLevel.Information, Message = "Unreachable members of cell {CellId} in cycle {CycleId} shown to member {MemberId}: {Unreachable} unreachable")]
    public static partial void UnreachableShown(ILogger logger, Guid cellId, Guid cycleId, Guid memberId, int unreachable);
}
