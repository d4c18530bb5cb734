using System.Globalization;
using KiemDiemBot.Core.Audit;
using KiemDiemBot.Core.Calendar;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Resources;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace KiemDiemBot.Core.Meetings;

/// <summary>
/// Schedules, moves and cancels bodies' review meetings. The start and end go through <see cref="ReviewMeetingCalendar"/>
/// (which audits them and warns after a cell's deadline); the chat, the draft report and the participants are set
/// here; a cancellation is audited. Everything is staged on the turn's unit of work.
/// </summary>
internal sealed class ReviewMeetingPlanner(
    KiemDiemDbContext db,
    MeetingBodyLoader bodies,
    ReviewMeetingCalendar calendar,
    IReviewCycleService cycles,
    AuditTrail audit,
    TimeProvider clock) : IReviewMeetingPlanner
{
    private static readonly CultureInfo Culture = RuleReason.TextCulture;

    /// <summary>The channel of Teams conversations: a meeting chat found through the calendar is one.</summary>
    private const string TeamsChannelId = "msteams";

    public async Task<MeetingPlanDraft?> DraftAsync(Guid cycleId, Guid actorMemberId, Guid? bodyId, CancellationToken cancellationToken)
    {
        var led = await bodies.LedByAsync(actorMemberId, cancellationToken);
        var candidates = bodyId is { } wanted ? led.Where(id => id == wanted).ToList() : [.. led];
        if (candidates.Count == 0)
        {
            return null;
        }
        // Of several bodies led, the first by name; the chat names the one meant (a cell's meeting chat).
        var chosen = (await db.Organisations.AsNoTracking().Where(o => candidates.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken))
            .OrderBy(o => o.Name, StringComparer.Create(Culture, ignoreCase: true))
            .First();
        var body = await bodies.LoadAsync(chosen.Id, cancellationToken) ?? throw new KeyNotFoundException($"No organisation {chosen.Id}.");
        var defaults = MeetingAgendaBuilder.DefaultCoChairs(body, body.Roster);
        return new MeetingPlanDraft(
            cycleId,
            body.Id,
            body.Name,
            [.. body.Roster.Select(m => View(m, defaults.Contains(m.MemberId)))],
            await FindForBodyAsync(cycleId, body.Id, cancellationToken))
        {
            HasReviewSuggestions = await SuggestedCountAsync(cycleId, body, cancellationToken) > 0,
        };
    }

    public async Task<MeetingPlanResult> ScheduleAsync(MeetingPlan plan, Guid actorMemberId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (await cycles.FindAsync(plan.CycleId, cancellationToken) is null)
        {
            throw new MeetingRefusedException(MeetingTexts.Refused_NoCycle);
        }
        var body = await bodies.LoadAsync(plan.BodyId, cancellationToken) ?? throw new KeyNotFoundException($"No organisation {plan.BodyId}.");
        Authorize(body, actorMemberId);
        var startsAt = plan.StartsAt.ToUniversalTime();
        var endsAt = plan.EndsAt.ToUniversalTime();
        var now = clock.GetUtcNow();
        if (endsAt <= startsAt)
        {
            throw new MeetingRefusedException(string.Format(Culture, MeetingTexts.Refused_EndBeforeStart, Shown(startsAt), Shown(endsAt)));
        }
        if (startsAt <= now)
        {
            throw new MeetingRefusedException(string.Format(Culture, MeetingTexts.Refused_StartInPast, Shown(startsAt)));
        }
        var participants = await ParticipantsAsync(body, plan.ParticipantIds, cancellationToken);
        var coChairs = plan.CoChairIds.Distinct().ToList();
        var notParticipating = coChairs.Where(id => participants.All(p => p.MemberId != id)).ToList();
        if (notParticipating.Count > 0)
        {
            throw new MeetingRefusedException(string.Format(Culture, MeetingTexts.Refused_CoChairNotParticipant, await NamesAsync(notParticipating, cancellationToken)));
        }
        if (coChairs.Count == 0)
        {
            coChairs = [.. MeetingAgendaBuilder.DefaultCoChairs(body, participants)];
        }

        var warnings = (await calendar.SetMeetingAsync(plan.CycleId, body.Id, startsAt, endsAt, actorMemberId, cancellationToken))
            .Select(w => new MeetingPlanWarning(MeetingPlanWarningKind.AfterDeadline, w.Text))
            .ToList();
        var meeting = db.ReviewMeetings.Local.Single(m => m.CycleId == plan.CycleId && m.OrganisationId == body.Id);
        if (plan.Conversation is { } conversation)
        {
            meeting.ChannelId = conversation.ChannelId;
            meeting.ConversationId = conversation.ConversationId;
        }
        meeting.DraftReportUrl = string.IsNullOrWhiteSpace(plan.DraftReportUrl) ? null : plan.DraftReportUrl.Trim();
        meeting.DraftApprovedAt = plan.DraftApprovedBySuperior ? meeting.DraftApprovedAt ?? now : null;
        meeting.UpdatedAt = now;
        await StageParticipantsAsync(meeting.Id, participants, coChairs, cancellationToken);

        warnings.AddRange(await ChecksAsync(plan.CycleId, body, meeting, cancellationToken));
        return new MeetingPlanResult(Details(meeting, body, participants, coChairs), warnings);
    }

    public async Task<MeetingDetails> CancelAsync(Guid meetingId, Guid actorMemberId, CancellationToken cancellationToken)
    {
        var meeting = db.ReviewMeetings.Local.SingleOrDefault(m => m.Id == meetingId)
            ?? await db.ReviewMeetings.SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken)
            ?? throw new MeetingRefusedException(MeetingTexts.Refused_NoMeeting);
        var body = await bodies.LoadAsync(meeting.OrganisationId, cancellationToken) ?? throw new MeetingRefusedException(MeetingTexts.Refused_NoMeeting);
        Authorize(body, actorMemberId);
        if (meeting.CancelledAt is null)
        {
            var now = clock.GetUtcNow();
            Record(actorMemberId, meeting, AuditFields.ReviewMeetingCancelled, AuditFormat(meeting.StartsAt), null);
            meeting.CancelledAt = now;
            meeting.UpdatedAt = now;
        }
        return await DetailsAsync(meeting, body, cancellationToken);
    }

    public async Task<MeetingDetails?> GetAsync(Guid meetingId, CancellationToken cancellationToken)
    {
        var meeting = await db.ReviewMeetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        return meeting is null ? null : await DetailsAsync(meeting, null, cancellationToken);
    }

    public async Task<MeetingDetails?> FindByConversationAsync(MeetingConversation conversation, Guid cycleId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var meeting = await db.ReviewMeetings.AsNoTracking()
            .Where(m => m.CycleId == cycleId && m.CancelledAt == null
                && ((m.ChannelId == conversation.ChannelId && m.ConversationId == conversation.ConversationId)
                    // The Teams meeting's own chat, where the calendar job installed the app.
                    || (conversation.ChannelId == TeamsChannelId && m.MeetingChatId == conversation.ConversationId)))
            .OrderByDescending(m => m.UpdatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        return meeting is null ? null : await DetailsAsync(meeting, null, cancellationToken);
    }

    public async Task<MeetingDetails?> FindForBodyAsync(Guid cycleId, Guid bodyId, CancellationToken cancellationToken)
    {
        var meeting = await db.ReviewMeetings.AsNoTracking().SingleOrDefaultAsync(m => m.CycleId == cycleId && m.OrganisationId == bodyId, cancellationToken);
        return meeting is null ? null : await DetailsAsync(meeting, null, cancellationToken);
    }

    private static void Authorize(MeetingBody body, Guid actorMemberId)
    {
        if (!body.LeaderIds.Contains(actorMemberId))
        {
            throw new MeetingRefusedException(string.Format(Culture, MeetingTexts.Refused_NotAllowed, body.Name));
        }
    }

    /// <summary>The summoned, in the roster's order; none chosen means everyone on the roster.</summary>
    private async Task<List<MeetingBodyMember>> ParticipantsAsync(MeetingBody body, IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            if (body.Roster.Count == 0)
            {
                throw new MeetingRefusedException(MeetingTexts.Refused_NoParticipants);
            }
            return [.. body.Roster];
        }
        var strangers = ids.Distinct().Where(id => body.Find(id) is null).ToList();
        if (strangers.Count > 0)
        {
            throw new MeetingRefusedException(string.Format(Culture, MeetingTexts.Refused_NotOnRoster, body.Name, await NamesAsync(strangers, cancellationToken)));
        }
        return [.. body.Roster.Where(m => ids.Contains(m.MemberId))];
    }

    private async Task<string> NamesAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        var known = await db.Members.AsNoTracking().Where(m => ids.Contains(m.Id)).Select(m => new { m.Id, m.FullName }).ToListAsync(cancellationToken);
        return string.Join(", ", ids.Select(id => known.FirstOrDefault(k => k.Id == id)?.FullName ?? MeetingTexts.Refused_UnknownPerson));
    }

    private async Task StageParticipantsAsync(Guid meetingId, List<MeetingBodyMember> participants, List<Guid> coChairs, CancellationToken cancellationToken)
    {
        var stored = await db.ReviewMeetingParticipants.Where(p => p.MeetingId == meetingId).ToListAsync(cancellationToken);
        foreach (var gone in stored.Where(s => participants.All(p => p.MemberId != s.MemberId)))
        {
            db.ReviewMeetingParticipants.Remove(gone);
        }
        for (var position = 0; position < participants.Count; position++)
        {
            var memberId = participants[position].MemberId;
            var row = stored.FirstOrDefault(s => s.MemberId == memberId);
            if (row is null)
            {
                row = new ReviewMeetingParticipant { MeetingId = meetingId, MemberId = memberId };
                db.ReviewMeetingParticipants.Add(row);
            }
            row.Position = position;
            row.IsCoChair = coChairs.Contains(memberId);
        }
    }

    private async Task<List<MeetingPlanWarning>> ChecksAsync(Guid cycleId, MeetingBody body, ReviewMeeting meeting, CancellationToken cancellationToken)
    {
        var warnings = new List<MeetingPlanWarning>();
        var meetingDay = WorkingCalendar.ToLocalDate(meeting.StartsAt);
        var today = WorkingCalendar.Today(clock);
        var latest = WorkingDaysBefore(await cycles.GetWorkingCalendarAsync(cycleId, cancellationToken), meetingDay, WorkingCalendar.DraftLeadWorkingDays);
        if (today > latest)
        {
            warnings.Add(new MeetingPlanWarning(MeetingPlanWarningKind.DraftCirculationTooLate,
                string.Format(Culture, MeetingTexts.Warning_DraftCirculationTooLate, FormatDate(latest), FormatDate(today))));
        }
        if (MeetingLength.MinimumHalfDays(body.Kind) is { } minimum && meeting.EndsAt is { } endsAt
            && MeetingLength.HalfDays(meeting.StartsAt, endsAt) is var halfDays && halfDays < minimum)
        {
            warnings.Add(new MeetingPlanWarning(MeetingPlanWarningKind.TooShort,
                string.Format(Culture, MeetingTexts.Warning_TooShort, Length(halfDays), Length(minimum), MinimumFor(body.Kind))));
        }
        var suggested = await SuggestedCountAsync(cycleId, body, cancellationToken);
        if (suggested > 0 && meeting.DraftApprovedAt is null)
        {
            warnings.Add(new MeetingPlanWarning(MeetingPlanWarningKind.SuggestionsNotApproved,
                string.Format(Culture, MeetingTexts.Warning_SuggestionsNotApproved, suggested, body.Name)));
        }
        if (meeting.DraftReportUrl is null)
        {
            warnings.Add(new MeetingPlanWarning(MeetingPlanWarningKind.NoDraftReport, MeetingTexts.Warning_NoDraftReport));
        }
        return warnings;
    }

    /// <summary>How many members of the body the superior gave review suggestions in the cycle.</summary>
    private async Task<int> SuggestedCountAsync(Guid cycleId, MeetingBody body, CancellationToken cancellationToken)
    {
        var ids = body.Roster.Select(m => m.MemberId).ToList();
        return await db.ReviewSuggestions.Where(s => s.CycleId == cycleId && ids.Contains(s.MemberId)).Select(s => s.MemberId).Distinct().CountAsync(cancellationToken);
    }

    /// <summary>"N working days before D" (DOMAIN A6); weekdays only where the holiday table does not know the year.</summary>
    private static DateOnly WorkingDaysBefore(WorkingCalendar workingCalendar, DateOnly date, int count)
    {
        var day = date;
        while (count > 0)
        {
            day = day.AddDays(-1);
            var working = workingCalendar.TryDescribe(day, out var described) ? described.IsWorkingDay : !WorkingCalendar.IsWeekend(day);
            if (working)
            {
                count--;
            }
        }
        return day;
    }

    private async Task<MeetingDetails> DetailsAsync(ReviewMeeting meeting, MeetingBody? body, CancellationToken cancellationToken)
    {
        body ??= await bodies.LoadAsync(meeting.OrganisationId, cancellationToken) ?? throw new KeyNotFoundException($"No organisation {meeting.OrganisationId}.");
        var rows = await db.ReviewMeetingParticipants.AsNoTracking()
            .Where(p => p.MeetingId == meeting.Id)
            .OrderBy(p => p.Position)
            .ToListAsync(cancellationToken);
        // A meeting set by date alone ("ngày họp") summons everyone, chaired by the rules.
        var participants = rows.Count == 0
            ? [.. body.Roster]
            : rows.Select(r => body.Find(r.MemberId)).OfType<MeetingBodyMember>().ToList();
        var coChairs = rows.Count == 0
            ? [.. MeetingAgendaBuilder.DefaultCoChairs(body, participants)]
            : rows.Where(r => r.IsCoChair).Select(r => r.MemberId).ToList();
        return Details(meeting, body, participants, coChairs);
    }

    private static MeetingDetails Details(ReviewMeeting meeting, MeetingBody body, List<MeetingBodyMember> participants, List<Guid> coChairs) =>
        new(
            meeting.Id,
            meeting.CycleId,
            body.Id,
            body.Name,
            TimeZoneInfo.ConvertTime(meeting.StartsAt, WorkingCalendar.TimeZone),
            meeting.EndsAt is { } end ? TimeZoneInfo.ConvertTime(end, WorkingCalendar.TimeZone) : null,
            meeting.DraftReportUrl,
            meeting.DraftApprovedAt is not null,
            meeting.ChannelId is { } channel && meeting.ConversationId is { } conversation ? new MeetingConversation(channel, conversation) : null,
            meeting.CancelledAt is not null,
            [.. participants.Select(p => View(p, coChairs.Contains(p.MemberId)))],
            MeetingAgendaBuilder.Build(body, participants, coChairs));

    private static MeetingParticipantView View(MeetingBodyMember member, bool isCoChair) =>
        new(member.MemberId, member.FullName, member.IsOfficial, member.IsExempt, isCoChair);

    private void Record(Guid actorMemberId, ReviewMeeting meeting, string field, string? from, string? to) =>
        audit.Record(new AuditChange(actorMemberId.ToString(), AuditSubjectKind.CycleSettings, meeting.CycleId, field, from, to, null)
        {
            OrganisationId = meeting.OrganisationId,
        });

    private static string Length(int halfDays) =>
        halfDays == 0
            ? MeetingTexts.Length_UnderHalfDay
            : string.Format(Culture, MeetingTexts.Length_Days, (halfDays / 2m).ToString("0.#", Culture));

    private static string MinimumFor(Organisations.OrganisationKind kind) => kind switch
    {
        Organisations.OrganisationKind.SuperiorCommittee => MeetingTexts.MinimumFor_SuperiorCommittee,
        Organisations.OrganisationKind.GrassrootsCommittee => MeetingTexts.MinimumFor_GrassrootsCommittee,
        _ => MeetingTexts.MinimumFor_GrassrootsCell,
    };

    private static string FormatDate(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>As the audit log writes instants: Asia/Ho_Chi_Minh, with the offset (as <see cref="ReviewMeetingCalendar"/> does).</summary>
    private static string? AuditFormat(DateTimeOffset? instant) =>
        instant is { } value
            ? TimeZoneInfo.ConvertTime(value, WorkingCalendar.TimeZone).ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)
            : null;

    private static string Shown(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, WorkingCalendar.TimeZone).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);
}
