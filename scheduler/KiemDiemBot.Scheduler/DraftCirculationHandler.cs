using System.Text.Json.Nodes;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Calendar;
using KiemDiemBot.Core.Meetings;
using KiemDiemBot.Core.Reminders;
using Microsoft.Extensions.Logging;

namespace KiemDiemBot.Scheduler;

/// <summary>
/// The draft circulation on the rule's day (three working days before the meeting, at the cycle's reminder time):
/// the draft collective report to every participant, with a box for comments, and the chairs' comments card, staged
/// through <see cref="IDraftCirculation"/> under <see cref="OccasionKeys.DraftCirculation"/> (the same key `lịch họp`
/// uses when it sends at once), so a repeated tick, a second instance or an earlier send never sends it twice. A
/// meeting cancelled, started, without participants or without a draft link stages nothing.
/// </summary>
public sealed partial class DraftCirculationHandler(IDraftCirculation drafts, ILogger<DraftCirculationHandler> logger) : IOccasionHandler
{
    public OccasionKind Kind => OccasionKind.DraftCirculation;

    public async Task<int> StageAsync(PlannedOccasion occasion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(occasion);
        if (occasion.MeetingId is not { } meetingId || await drafts.FindAsync(meetingId, cancellationToken) is not { } meeting)
        {
            NoMeeting(logger, occasion.Key);
            return 0;
        }
        var result = await drafts.StageAsync(meeting, Cards(meeting), cancellationToken);
        Staged(logger, meetingId, result.Outcome, result.Staged, result.FanOut?.AlreadySent ?? 0, result.FanOut?.Unreachable.Count ?? 0);
        return result.Staged;
    }

    private static DraftCirculationCards Cards(DraftCirculationMeeting meeting)
    {
        var starts = TimeZoneInfo.ConvertTime(meeting.StartsAt, WorkingCalendar.TimeZone);
        var date = DateOnly.FromDateTime(starts.DateTime);
        var time = TimeOnly.FromDateTime(starts.DateTime);
        var circulation = DraftCirculationCard.Build(new DraftCirculationCardInput(
            meeting.MeetingId, meeting.BodyName, date, time, meeting.DraftReportUrl ?? string.Empty, meeting.CirculateBy));
        JsonObject Comments(IReadOnlyList<DraftCommentView> comments) =>
            DraftCommentsCard.Build(new DraftCommentsCardInput(meeting.BodyName, date, time, meeting.Participants.Count,
                [.. comments.Select(c => new DraftCommentLine(c.FullName, c.Text, TimeZoneInfo.ConvertTime(c.UpdatedAt, WorkingCalendar.TimeZone)))]));
        return new DraftCirculationCards(circulation, Comments);
    }

    [LoggerMessage(EventId = 2131, Level = LogLevel.Warning, Message = "Draft circulation occasion {Occasion} names no meeting that exists: nothing staged")]
    private static partial void NoMeeting(ILogger logger, string occasion);

    [LoggerMessage(EventId = 2132, Level = LogLevel.Information,
        Message = "Draft of meeting {MeetingId}: {Outcome}, {Staged} staged, {AlreadySent} sent before, {Unreachable} unreachable")]
    private static partial void Staged(ILogger logger, Guid meetingId, DraftCirculationOutcome outcome, int staged, int alreadySent, int unreachable);
}
