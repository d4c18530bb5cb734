using System.Text.Json.Nodes;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Calendar;
using KiemDiemBot.Core.Meetings;

namespace KiemDiemBot.Dialogs.Meetings;

/// <summary>Maps a meeting's circulation data and comments to the draft circulation's card inputs (times in Asia/Ho_Chi_Minh).</summary>
public static class DraftCirculationCardMapping
{
    /// <summary>The cards a circulation sends: the draft to the participants, the comments card to the chairs.</summary>
    public static DraftCirculationCards Cards(DraftCirculationMeeting meeting) =>
        new(Circulation(meeting, previousComment: null, savedAt: null), comments => Comments(meeting, comments));

    public static JsonObject Circulation(DraftCirculationMeeting meeting, string? previousComment, DateTimeOffset? savedAt)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var starts = Local(meeting.StartsAt);
        return DraftCirculationCard.Build(new DraftCirculationCardInput(
            meeting.MeetingId,
            meeting.BodyName,
            DateOnly.FromDateTime(starts.DateTime),
            TimeOnly.FromDateTime(starts.DateTime),
            meeting.DraftReportUrl ?? string.Empty,
            meeting.CirculateBy)
        {
            PreviousComment = previousComment,
            SavedAt = savedAt is { } at ? Local(at) : null,
        });
    }

    public static JsonObject Comments(DraftCirculationMeeting meeting, IReadOnlyList<DraftCommentView> comments)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(comments);
        var starts = Local(meeting.StartsAt);
        return DraftCommentsCard.Build(new DraftCommentsCardInput(
            meeting.BodyName,
            DateOnly.FromDateTime(starts.DateTime),
            TimeOnly.FromDateTime(starts.DateTime),
            meeting.Participants.Count,
            [.. comments.Select(c => new DraftCommentLine(c.FullName, c.Text, Local(c.UpdatedAt)))]));
    }

    private static DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, WorkingCalendar.TimeZone);
}
