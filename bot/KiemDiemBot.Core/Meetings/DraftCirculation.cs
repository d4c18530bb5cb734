using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Core.Calendar;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Notices;
using KiemDiemBot.Core.Reminders;
using KiemDiemBot.Core.Resources;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace KiemDiemBot.Core.Meetings;

/// <summary>
/// Circulates a meeting's draft through <see cref="IMemberNotices"/> (dedupe scope
/// <see cref="OccasionKeys.DraftCirculation"/>: once per meeting, whoever calls) and keeps the participants' comments.
/// A comment is written by an atomic upsert inside the commit (two comments of one member at once: the latest wins,
/// no unique violation), after a no-op update of the meeting row that makes concurrent comments on one meeting take
/// turns, so that the heads' card drawn next in the same commit (see <see cref="IConversationPosts"/>) always holds
/// every comment committed before it.
/// </summary>
internal sealed class DraftCirculation(
    KiemDiemDbContext db,
    UnitOfWork unitOfWork,
    IReviewMeetingPlanner planner,
    IReviewCycleService cycles,
    IMemberNotices notices,
    IConversationPosts posts,
    TimeProvider clock) : IDraftCirculation
{
    /// <summary>The longest comment kept (the column's length).</summary>
    public const int MaxCommentLength = 4000;

    private static readonly CultureInfo Culture = RuleReason.TextCulture;
    private static readonly DateTimeOffsetToBinaryConverter SqliteInstant = new();

    /// <summary>Comments staged in this unit of work, not yet written: a card drawn before the commit shows them.</summary>
    private readonly Dictionary<(Guid MeetingId, Guid MemberId), DraftCommentView> pending = [];

    /// <summary>Circulations staged in this unit of work: the member notices see only what is written, so a second call here must not stage again.</summary>
    private readonly Dictionary<Guid, NoticeFanOut> circulated = [];

    public async Task<DraftCirculationMeeting?> FindAsync(Guid meetingId, CancellationToken cancellationToken) =>
        await planner.GetAsync(meetingId, cancellationToken) is { } details ? await DescribeAsync(details, cancellationToken) : null;

    public async Task<DraftCirculationMeeting> DescribeAsync(MeetingDetails meeting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var calendar = await cycles.GetWorkingCalendarAsync(meeting.CycleId, cancellationToken);
        var participants = meeting.Participants.Select(p => new DraftCirculationPerson(p.MemberId, p.FullName)).ToList();
        var heads = meeting.Participants.Where(p => p.IsCoChair).Select(p => new DraftCirculationPerson(p.MemberId, p.FullName)).ToList();
        var circulateBy = CirculateBy(calendar, WorkingCalendar.ToLocalDate(meeting.StartsAt));
        return new DraftCirculationMeeting(
            meeting.MeetingId,
            meeting.CycleId,
            meeting.BodyId,
            meeting.BodyName,
            meeting.StartsAt,
            meeting.DraftReportUrl,
            meeting.IsCancelled,
            meeting.StartsAt <= clock.GetUtcNow(),
            circulateBy,
            WorkingCalendar.Today(clock) >= circulateBy,
            participants,
            heads);
    }

    public async Task<DraftCirculationResult> StageAsync(DraftCirculationMeeting meeting, DraftCirculationCards cards, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(cards);
        var outcome = meeting switch
        {
            { IsCancelled: true } => DraftCirculationOutcome.Cancelled,
            { HasStarted: true } => DraftCirculationOutcome.Started,
            { Participants.Count: 0 } => DraftCirculationOutcome.NoParticipants,
            { DraftReportUrl: null or "" } => DraftCirculationOutcome.NoDraftReport,
            _ => DraftCirculationOutcome.Staged,
        };
        if (outcome != DraftCirculationOutcome.Staged)
        {
            return new DraftCirculationResult(outcome, null);
        }
        if (circulated.TryGetValue(meeting.MeetingId, out var earlier))
        {
            return new DraftCirculationResult(outcome, earlier with { Staged = 0, AlreadySent = earlier.Staged + earlier.AlreadySent });
        }
        var fanOut = await notices.StageToMembersAsync(
            [.. meeting.Participants.Select(p => p.MemberId)], cards.Circulation, OccasionKeys.DraftCirculation(meeting.MeetingId), cancellationToken);
        circulated[meeting.MeetingId] = fanOut;
        if (fanOut.Staged > 0)
        {
            // The heads learn the draft went out, and get the card the comments will fill in.
            await StageCommentsCardAsync(meeting, cards.Comments, cancellationToken);
        }
        return new DraftCirculationResult(outcome, fanOut);
    }

    public async Task<DraftCommentView> SaveCommentAsync(Guid meetingId, Guid memberId, string? text, CancellationToken cancellationToken)
    {
        var meeting = await FindAsync(meetingId, cancellationToken)
            ?? throw new DraftCommentRefusedException(DraftCommentRefusal.NoMeeting, DraftCirculationTexts.Refused_NoMeeting);
        if (meeting.IsCancelled)
        {
            throw Refused(DraftCommentRefusal.Cancelled, DraftCirculationTexts.Refused_Cancelled, meeting.BodyName);
        }
        if (meeting.HasStarted)
        {
            throw Refused(DraftCommentRefusal.Started, DraftCirculationTexts.Refused_Started, meeting.BodyName,
                meeting.StartsAt.ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture));
        }
        var participant = meeting.Participants.FirstOrDefault(p => p.MemberId == memberId)
            ?? throw Refused(DraftCommentRefusal.NotParticipant, DraftCirculationTexts.Refused_NotParticipant, meeting.BodyName);
        var comment = text?.Trim() ?? string.Empty;
        if (comment.Length == 0)
        {
            throw new DraftCommentRefusedException(DraftCommentRefusal.Empty, DraftCirculationTexts.Refused_Empty);
        }
        if (comment.Length > MaxCommentLength)
        {
            throw Refused(DraftCommentRefusal.TooLong, DraftCirculationTexts.Refused_TooLong, comment.Length, MaxCommentLength);
        }
        var now = clock.GetUtcNow();
        var view = new DraftCommentView(memberId, participant.FullName, comment, now);
        pending[(meetingId, memberId)] = view;
        unitOfWork.Stage((context, ct) => UpsertAsync(context, meetingId, memberId, comment, now, ct));
        return view;
    }

    public async Task StageCommentsCardAsync(
        DraftCirculationMeeting meeting, Func<IReadOnlyList<DraftCommentView>, JsonObject> card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(card);
        var unposted = new List<Guid>();
        foreach (var head in meeting.Heads)
        {
            var updated = await posts.StageUpdateAsync(
                DraftCommentPostKeys.Head(meeting.MeetingId, head.MemberId),
                async ct => card(await ListCommentsAsync(meeting.MeetingId, ct)),
                cancellationToken);
            if (!updated)
            {
                unposted.Add(head.MemberId);
            }
        }
        if (unposted.Count > 0)
        {
            await notices.StageToMembersAsync(
                unposted, card(await ListCommentsAsync(meeting.MeetingId, cancellationToken)), DraftCommentPostKeys.Scope(meeting.MeetingId), cancellationToken);
        }
    }

    public async Task<IReadOnlyList<DraftCommentView>> ListCommentsAsync(Guid meetingId, CancellationToken cancellationToken)
    {
        var stored = await db.DraftComments.AsNoTracking()
            .Where(c => c.MeetingId == meetingId)
            .Join(db.Members, c => c.MemberId, m => m.Id, (c, m) => new { c.MemberId, m.FullName, c.Text, c.UpdatedAt })
            .ToListAsync(cancellationToken);
        var comments = stored.ToDictionary(c => c.MemberId, c => new DraftCommentView(c.MemberId, c.FullName, c.Text, c.UpdatedAt));
        foreach (var ((meeting, member), view) in pending)
        {
            if (meeting == meetingId)
            {
                comments[member] = view;
            }
        }
        var byName = StringComparer.Create(Culture, ignoreCase: true);
        return [.. comments.Values.OrderBy(c => c.FullName, byName).ThenBy(c => c.MemberId)];
    }

    public async Task<string?> FindCommentAsync(Guid meetingId, Guid memberId, CancellationToken cancellationToken) =>
        pending.TryGetValue((meetingId, memberId), out var staged)
            ? staged.Text
            : await db.DraftComments.AsNoTracking()
                .Where(c => c.MeetingId == meetingId && c.MemberId == memberId)
                .Select(c => c.Text)
                .SingleOrDefaultAsync(cancellationToken);

    /// <summary>"Three working days before the meeting day" (DOMAIN A6); weekdays only where the holiday table does not know the year.</summary>
    internal static DateOnly CirculateBy(WorkingCalendar calendar, DateOnly meetingDay)
    {
        var day = meetingDay;
        var count = WorkingCalendar.DraftLeadWorkingDays;
        while (count > 0)
        {
            day = day.AddDays(-1);
            var working = calendar.TryDescribe(day, out var described) ? described.IsWorkingDay : !WorkingCalendar.IsWeekend(day);
            if (working)
            {
                count--;
            }
        }
        return day;
    }

    private static async Task UpsertAsync(KiemDiemDbContext context, Guid meetingId, Guid memberId, string text, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Comments on one meeting take turns from here to the commit (the meeting row is held on PostgreSQL; SQLite has one writer).
        await context.Database.ExecuteSqlAsync($"UPDATE review_meetings SET updated_at = updated_at WHERE id = {meetingId}", cancellationToken);
        var at = context.Database.IsSqlite() ? SqliteInstant.ConvertToProvider(now)! : now.ToUniversalTime();
        await context.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO draft_comments (meeting_id, member_id, text, created_at, updated_at)
            VALUES ({meetingId}, {memberId}, {text}, {at}, {at})
            ON CONFLICT (meeting_id, member_id) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at
            """,
            cancellationToken);
    }

    private static DraftCommentRefusedException Refused(DraftCommentRefusal reason, string format, params object[] arguments) =>
        new(reason, string.Format(Culture, format, arguments));
}
