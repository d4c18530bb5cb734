using System.Globalization;
using System.Net;
using System.Text;
using KiemDiemBot.Core.Audit;
using KiemDiemBot.Core.Calendar;
using KiemDiemBot.Core.Resources;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace KiemDiemBot.Core.Meetings;

/// <summary>
/// Pushes a review meeting to the calendar through <see cref="IMeetingCalendarGateway"/>, in three steps each
/// recorded on the meeting so a retry never repeats one that succeeded: the event (created with a transaction id
/// that makes a repeated create answer the same event, updated when moved, cancelled with the meeting), the
/// meeting chat (found from the join link), the app installed in that chat. The version pushed is the meeting's
/// <c>UpdatedAt</c> as loaded: a change made while the push runs leaves the meeting due again.
/// </summary>
internal sealed class MeetingCalendarSync(
    KiemDiemDbContext db,
    IReviewMeetingPlanner planner,
    MeetingBodyLoader bodies,
    IMeetingCalendarGateway calendar,
    TimeProvider clock) : IMeetingCalendarSync
{
    /// <summary>Marks a <see cref="ReviewMeeting.CalendarError"/> that is not retried until the meeting changes.</summary>
    internal const string RefusedPrefix = "refused ";

    /// <summary>A meeting set by date alone has no end: its event lasts half a day.</summary>
    internal static readonly TimeSpan DefaultLength = TimeSpan.FromHours(4);

    private const int ErrorLength = 200;
    private static readonly CultureInfo Culture = RuleReason.TextCulture;

    public async Task<IReadOnlyList<Guid>> DueAsync(CancellationToken cancellationToken)
    {
        if (!calendar.IsEnabled)
        {
            return [];
        }
        var now = clock.GetUtcNow();
        var installs = calendar.InstallsApp;
        return await db.ReviewMeetings.AsNoTracking()
            .Where(m =>
                ((m.CalendarSyncedAt == null || m.CalendarSyncedAt < m.UpdatedAt)
                    && (m.CalendarEventId != null || (m.CancelledAt == null && (m.EndsAt ?? m.StartsAt) > now)))
                || (m.CancelledAt == null && m.CalendarEventId != null
                    && (m.CalendarError == null || !m.CalendarError.StartsWith(RefusedPrefix))
                    && (m.MeetingChatId == null || (installs && m.BotInstalledInChatAt == null))))
            .OrderBy(m => m.UpdatedAt)
            .Select(m => m.Id)
            .ToListAsync(cancellationToken);
    }

    public async Task<MeetingCalendarOutcome> SyncAsync(Guid meetingId, CancellationToken cancellationToken)
    {
        var meeting = await db.ReviewMeetings.SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null || !calendar.IsEnabled)
        {
            return new MeetingCalendarOutcome(meetingId, MeetingCalendarResult.Skipped, false, false, 0, null);
        }
        var version = meeting.UpdatedAt;
        var behind = meeting.CalendarSyncedAt is not { } synced || synced < version;
        var result = MeetingCalendarResult.UpToDate;
        var withoutEmail = new List<string>();
        var chatFound = false;
        var installed = false;
        try
        {
            if (behind)
            {
                result = await PushEventAsync(meeting, version, withoutEmail, cancellationToken);
            }
            if (meeting.CancelledAt is null && meeting.CalendarEventId is { } eventId && !IsRefused(meeting.CalendarError))
            {
                chatFound = await FindChatAsync(meeting, eventId, cancellationToken);
                installed = await InstallAsync(meeting, cancellationToken);
            }
        }
        catch (MeetingCalendarException failure) when (failure.IsPermanent)
        {
            meeting.CalendarError = Shorten(RefusedPrefix + failure.Message);
            if (behind)
            {
                meeting.CalendarSyncedAt = version;
            }
            var report = await ReportAsync(meeting, MeetingCalendarReportKind.Refused, [], failure.Message,
                $"meeting-calendar-refused:{meeting.Id:N}:{version.UtcTicks}", cancellationToken);
            return new MeetingCalendarOutcome(meeting.Id, MeetingCalendarResult.Refused, chatFound, installed, withoutEmail.Count, report);
        }
        catch (MeetingCalendarException failure)
        {
            meeting.CalendarError = Shorten(failure.Message);
            return new MeetingCalendarOutcome(meeting.Id, MeetingCalendarResult.Failed, chatFound, installed, withoutEmail.Count, null);
        }
        var missing = result is MeetingCalendarResult.Created or MeetingCalendarResult.Updated && withoutEmail.Count > 0
            ? await ReportAsync(meeting, MeetingCalendarReportKind.MissingEmails, withoutEmail, null,
                $"meeting-calendar-no-email:{meeting.Id:N}:{version.UtcTicks}", cancellationToken)
            : null;
        return new MeetingCalendarOutcome(meeting.Id, result, chatFound, installed, withoutEmail.Count, missing);
    }

    public async Task<MeetingCalendarState?> StateAsync(Guid meetingId, CancellationToken cancellationToken)
    {
        var meeting = await db.ReviewMeetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        return meeting is null
            ? null
            : new MeetingCalendarState(meeting.Id, meeting.CalendarEventId, meeting.OnlineMeetingJoinUrl, meeting.MeetingChatId, meeting.CalendarSyncedAt,
                meeting.CalendarSyncedAt is not { } synced || synced < meeting.UpdatedAt, meeting.CalendarError, meeting.BotInstalledInChatAt);
    }

    private async Task<MeetingCalendarResult> PushEventAsync(
        ReviewMeeting meeting, DateTimeOffset version, List<string> withoutEmail, CancellationToken cancellationToken)
    {
        if (meeting.CancelledAt is not null)
        {
            if (meeting.CalendarEventId is not { } cancelledId)
            {
                MarkSynced(meeting, version);
                return MeetingCalendarResult.Skipped;
            }
            var bodyName = await db.Organisations.AsNoTracking().Where(o => o.Id == meeting.OrganisationId).Select(o => o.Name).SingleAsync(cancellationToken);
            await calendar.CancelEventAsync(cancelledId, string.Format(Culture, MeetingCalendarTexts.CancelComment, bodyName), cancellationToken);
            // A meeting set again after a cancel gets a new event, with a new Teams meeting and chat.
            meeting.CalendarEventId = null;
            meeting.OnlineMeetingJoinUrl = null;
            meeting.MeetingChatId = null;
            meeting.BotInstalledInChatAt = null;
            MarkSynced(meeting, version);
            return MeetingCalendarResult.Cancelled;
        }
        if (meeting.CalendarEventId is null && (meeting.EndsAt ?? meeting.StartsAt) <= clock.GetUtcNow())
        {
            MarkSynced(meeting, version);
            return MeetingCalendarResult.Skipped;
        }
        var details = await planner.GetAsync(meeting.Id, cancellationToken)
            ?? throw new InvalidOperationException($"Meeting {meeting.Id} vanished while being pushed.");
        var request = await RequestAsync(meeting, details, withoutEmail, cancellationToken);
        if (meeting.CalendarEventId is { } eventId)
        {
            await calendar.UpdateEventAsync(eventId, request, cancellationToken);
            MarkSynced(meeting, version);
            return MeetingCalendarResult.Updated;
        }
        var created = await calendar.CreateEventAsync(request, cancellationToken);
        meeting.CalendarEventId = created.EventId;
        meeting.OnlineMeetingJoinUrl = created.JoinUrl;
        MarkSynced(meeting, version);
        return MeetingCalendarResult.Created;
    }

    /// <summary>Finds the Teams meeting's chat once; true when found in this push.</summary>
    private async Task<bool> FindChatAsync(ReviewMeeting meeting, string eventId, CancellationToken cancellationToken)
    {
        if (meeting.MeetingChatId is not null)
        {
            return false;
        }
        meeting.OnlineMeetingJoinUrl ??= await calendar.GetJoinUrlAsync(eventId, cancellationToken);
        if (meeting.OnlineMeetingJoinUrl is not { } joinUrl)
        {
            throw new MeetingCalendarException("read-join-url", 0, "noJoinUrlYet");
        }
        meeting.MeetingChatId = await calendar.FindMeetingChatAsync(joinUrl, cancellationToken)
            ?? throw new MeetingCalendarException("find-chat", 0, "chatNotFoundYet");
        return true;
    }

    /// <summary>Installs the app in the meeting chat once (when configured); true when installed in this push.</summary>
    private async Task<bool> InstallAsync(ReviewMeeting meeting, CancellationToken cancellationToken)
    {
        if (!calendar.InstallsApp || meeting.BotInstalledInChatAt is not null || meeting.MeetingChatId is not { } chatId)
        {
            return false;
        }
        await calendar.InstallAppInChatAsync(chatId, cancellationToken);
        meeting.BotInstalledInChatAt = clock.GetUtcNow();
        return true;
    }

    private static void MarkSynced(ReviewMeeting meeting, DateTimeOffset version)
    {
        meeting.CalendarSyncedAt = version;
        meeting.CalendarError = null;
    }

    private async Task<CalendarEventRequest> RequestAsync(
        ReviewMeeting meeting, MeetingDetails details, List<string> withoutEmail, CancellationToken cancellationToken)
    {
        var ids = details.Participants.Select(p => p.MemberId).ToList();
        var emails = await db.Members.AsNoTracking()
            .Where(m => ids.Contains(m.Id))
            .Select(m => new { m.Id, m.Email })
            .ToDictionaryAsync(m => m.Id, m => m.Email, cancellationToken);
        var attendees = new List<string>();
        foreach (var participant in details.Participants)
        {
            if (emails.GetValueOrDefault(participant.MemberId) is { } email && !string.IsNullOrWhiteSpace(email))
            {
                attendees.Add(email.Trim());
            }
            else
            {
                withoutEmail.Add(participant.FullName);
            }
        }
        var startsAt = meeting.StartsAt;
        var endsAt = meeting.EndsAt ?? startsAt + DefaultLength;
        return new CalendarEventRequest(
            await TransactionIdAsync(meeting, cancellationToken),
            string.Format(Culture, MeetingCalendarTexts.Subject, details.BodyName),
            Body(details, startsAt, endsAt),
            startsAt,
            endsAt,
            attendees);
    }

    /// <summary>
    /// The meeting's id, with the number of times it was cancelled before when it is set again after a cancel: the
    /// same for every attempt to create one event (so a create repeated after a crash answers the event already
    /// made), new for the event of a meeting brought back.
    /// </summary>
    private async Task<string> TransactionIdAsync(ReviewMeeting meeting, CancellationToken cancellationToken)
    {
        var cancellations = await db.AuditEntries.AsNoTracking()
            .CountAsync(e => e.SubjectKind == AuditSubjectKind.CycleSettings && e.SubjectId == meeting.CycleId
                && e.OrganisationId == meeting.OrganisationId && e.Field == AuditFields.ReviewMeetingCancelled, cancellationToken);
        return cancellations == 0
            ? meeting.Id.ToString("D", CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{meeting.Id:D}-{cancellations}");
    }

    private static string Body(MeetingDetails details, DateTimeOffset startsAt, DateTimeOffset endsAt)
    {
        var html = new StringBuilder();
        Paragraph(html, string.Format(Culture, MeetingCalendarTexts.Body_Invitation, WebUtility.HtmlEncode(details.BodyName)));
        Paragraph(html, string.Format(Culture, MeetingCalendarTexts.Body_Time, Shown(startsAt), Shown(endsAt)));
        if (details.Agenda.Count > 0)
        {
            Paragraph(html, MeetingCalendarTexts.Body_Agenda);
            html.Append("<ol>");
            foreach (var item in details.Agenda)
            {
                var text = string.Format(Culture, item.IsCollective ? MeetingCalendarTexts.Body_CollectiveItem : MeetingCalendarTexts.Body_MemberItem,
                    WebUtility.HtmlEncode(item.SubjectName));
                html.Append("<li>").Append(text).Append("</li>");
            }
            html.Append("</ol>");
        }
        if (details.DraftReportUrl is { } draft && Uri.TryCreate(draft, UriKind.Absolute, out var link) && link.Scheme == Uri.UriSchemeHttps)
        {
            var anchor = $"<a href=\"{WebUtility.HtmlEncode(link.AbsoluteUri)}\">{WebUtility.HtmlEncode(draft)}</a>";
            Paragraph(html, string.Format(Culture, MeetingCalendarTexts.Body_Draft, anchor));
        }
        Paragraph(html, WebUtility.HtmlEncode(MeetingCalendarTexts.Body_Online));
        return html.ToString();
    }

    private static void Paragraph(StringBuilder html, string text) => html.Append("<p>").Append(text).Append("</p>");

    private async Task<MeetingCalendarReport> ReportAsync(
        ReviewMeeting meeting, MeetingCalendarReportKind kind, IReadOnlyList<string> withoutEmail, string? error, string dedupeScope,
        CancellationToken cancellationToken)
    {
        var body = await bodies.LoadAsync(meeting.OrganisationId, cancellationToken)
            ?? throw new KeyNotFoundException($"No organisation {meeting.OrganisationId}.");
        return new MeetingCalendarReport(kind, meeting.Id, body.Id, body.Name, TimeZoneInfo.ConvertTime(meeting.StartsAt, WorkingCalendar.TimeZone),
            [.. body.LeaderIds], withoutEmail, error, dedupeScope);
    }

    private static bool IsRefused(string? error) => error?.StartsWith(RefusedPrefix, StringComparison.Ordinal) == true;

    private static string Shorten(string error) => error.Length <= ErrorLength ? error : error[..ErrorLength];

    private static string Shown(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, WorkingCalendar.TimeZone).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);
}
