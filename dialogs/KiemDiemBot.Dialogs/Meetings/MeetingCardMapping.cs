using System.Text.Json.Nodes;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Meetings;

namespace KiemDiemBot.Dialogs.Meetings;

/// <summary>From Core's meeting view to the meeting card and the agenda card (times are already in Asia/Ho_Chi_Minh).</summary>
internal static class MeetingCardMapping
{
    public static JsonObject MeetingCard(MeetingDetails meeting, IReadOnlyList<string> warnings, bool asksDraftApproval, string? notice) =>
        Cards.MeetingCard.Build(new MeetingCardInput(meeting.MeetingId, meeting.BodyName, Date(meeting.StartsAt), Time(meeting.StartsAt))
        {
            EndDate = meeting.EndsAt is { } end ? Date(end) : null,
            EndTime = meeting.EndsAt is { } endTime ? Time(endTime) : null,
            Participants = [.. meeting.Participants.Select(p => p.FullName)],
            CoChairs = [.. meeting.Participants.Where(p => p.IsCoChair).Select(p => p.FullName)],
            DraftReportUrl = meeting.DraftReportUrl,
            DraftApproved = asksDraftApproval || meeting.DraftApprovedBySuperior ? meeting.DraftApprovedBySuperior : null,
            Warnings = warnings,
            Agenda = Agenda(meeting),
            IsCancelled = meeting.IsCancelled,
            Notice = notice,
        });

    public static JsonObject AgendaCard(MeetingDetails meeting) =>
        MeetingAgendaCard.Build(new MeetingAgendaCardInput(meeting.BodyName, Date(meeting.StartsAt), Time(meeting.StartsAt), Agenda(meeting)));

    private static List<MeetingAgendaLine> Agenda(MeetingDetails meeting) =>
        [.. meeting.Agenda.Select(item => new MeetingAgendaLine(item.IsCollective, item.SubjectName, item.ChairNames, item.ChairNote))];

    private static DateOnly Date(DateTimeOffset local) => DateOnly.FromDateTime(local.DateTime);

    private static TimeOnly Time(DateTimeOffset local) => TimeOnly.FromDateTime(local.DateTime);
}
