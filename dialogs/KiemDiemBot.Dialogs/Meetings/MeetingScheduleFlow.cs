using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Calendar;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Meetings;
using KiemDiemBot.Core.Notices;
using KiemDiemBot.Core.Roster;
using KiemDiemBot.Dialogs.Flows;
using KiemDiemBot.Dialogs.Resources;
using KiemDiemBot.Dialogs.Secretary;
using Microsoft.Extensions.Logging;

namespace KiemDiemBot.Dialogs.Meetings;

/// <summary>The meeting form as last shown: the body, its roster, and the values on the form (times in Asia/Ho_Chi_Minh).</summary>
public sealed record MeetingScheduleState(
    Guid CycleId,
    int Year,
    Guid BodyId,
    string BodyName,
    IReadOnlyList<MeetingRosterEntry> Roster,
    bool AsksDraftApproval,
    bool IsMove)
{
    public DateOnly? StartDate { get; init; }

    public TimeOnly? StartTime { get; init; }

    public DateOnly? EndDate { get; init; }

    public TimeOnly? EndTime { get; init; }

    public IReadOnlyList<Guid> ParticipantIds { get; init; } = [];

    public IReadOnlyList<Guid> CoChairIds { get; init; } = [];

    public string? DraftReportUrl { get; init; }

    public bool DraftApproved { get; init; }

    /// <summary>The meeting saved, once the form is answered.</summary>
    public Guid? MeetingId { get; init; }
}

/// <summary>A member of the body's roster as the form offers them.</summary>
public sealed record MeetingRosterEntry(Guid MemberId, string FullName, bool IsOfficial, bool IsExempt);

/// <summary>
/// "lịch họp", typed in the group chat that will be the meeting chat: the secretary or deputy secretary of a body
/// (the cell whose meeting chat this is, by its name; else the body they lead) schedules or moves its review meeting
/// in the open cycle on one form (times, participants from the roster, co-chairs, the draft report's link, the
/// superior's approval when members had review suggestions). Saving goes through
/// <see cref="IReviewMeetingPlanner.ScheduleAsync"/> with this chat as the meeting chat; the answer is the meeting
/// card with every warning in plain words and the agenda. Bad input, or a plan Core refuses (the end before the
/// start, a start in the past, someone not on the roster), brings the form back filled as typed with the reason.
/// </summary>
public sealed class MeetingScheduleFlow : Flow<MeetingScheduleState>
{
    public const string FlowName = "meeting-schedule";
    public const string Command = "lich hop";
    public const string FormStep = "form";

    private readonly IReviewCycleService cycles;
    private readonly IReviewMeetingPlanner planner;
    private readonly IRosterDirectory roster;
    private readonly IDraftCirculation drafts;
    private readonly ILogger<MeetingScheduleFlow> logger;

    public MeetingScheduleFlow(
        IReviewCycleService cycles, IReviewMeetingPlanner planner, IRosterDirectory roster, IDraftCirculation drafts, ILogger<MeetingScheduleFlow> logger)
    {
        this.cycles = cycles;
        this.planner = planner;
        this.roster = roster;
        this.drafts = drafts;
        this.logger = logger;
        Steps =
        [
            new(FormStep)
            {
                Card = Form,
                Summary = Summary,
                Answer = AnswerAsync,
            },
        ];
    }

    public override string Name => FlowName;

    public override IReadOnlyCollection<string> StartCommands { get; } = [Command];

    protected override IReadOnlyList<FlowStep<MeetingScheduleState>> Steps { get; }

    /// <summary>A member's value on the form's choices.</summary>
    public static string MemberKey(Guid memberId) => memberId.ToString("N");

    protected override async Task<FlowStart<MeetingScheduleState>> StartAsync(FlowContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var member = context.Member;
        if (!context.Turn.IsGroup)
        {
            return FlowStart.Refuse<MeetingScheduleState>(DialogReply.FromText(MeetingDialogTexts.GroupOnly));
        }
        if (await cycles.FindCurrentAsync(cancellationToken) is not { } cycle)
        {
            return FlowStart.Refuse<MeetingScheduleState>(DialogReply.FromText(SecretaryDialogTexts.NoOpenCycle));
        }
        var chatCell = await ChatCellAsync(context.Turn, cancellationToken);
        var draft = await planner.DraftAsync(cycle.Id, member.MemberId, chatCell?.Id, cancellationToken);
        if (draft is null)
        {
            MeetingLog.Refused(logger, member.MemberId, FlowName);
            var refusal = chatCell is null
                ? MeetingDialogTexts.NotAllowed
                : string.Format(CultureInfo.InvariantCulture, MeetingDialogTexts.OtherCellChat, chatCell.Name);
            return FlowStart.Refuse<MeetingScheduleState>(DialogReply.FromText(refusal));
        }
        return FlowStart.BeginInCycle(cycle.Id, Initial(draft, cycle.Year)).MovingActiveRun();
    }

    /// <summary>The form prefilled from the meeting set so far (by "ngày họp" or an earlier "lịch họp"), else everyone summoned and the rules' chairs.</summary>
    private static MeetingScheduleState Initial(MeetingPlanDraft draft, int year)
    {
        var existing = draft.Existing is { IsCancelled: false } meeting ? meeting : null;
        var state = new MeetingScheduleState(
            draft.CycleId,
            year,
            draft.BodyId,
            draft.BodyName,
            [.. draft.Roster.Select(p => new MeetingRosterEntry(p.MemberId, p.FullName, p.IsOfficial, p.IsExempt))],
            draft.HasReviewSuggestions,
            existing is not null)
        {
            ParticipantIds = existing is null ? [.. draft.Roster.Select(p => p.MemberId)] : [.. existing.Participants.Select(p => p.MemberId)],
            CoChairIds = existing is null
                ? [.. draft.Roster.Where(p => p.IsCoChair).Select(p => p.MemberId)]
                : [.. existing.Participants.Where(p => p.IsCoChair).Select(p => p.MemberId)],
            DraftReportUrl = existing?.DraftReportUrl,
            DraftApproved = existing?.DraftApprovedBySuperior ?? false,
        };
        if (existing is null)
        {
            return state;
        }
        var start = existing.StartsAt;
        // A meeting set by date alone has no end yet: the morning or the afternoon it starts in.
        var end = existing.EndsAt ?? new DateTimeOffset(start.Date.Add(start.Hour < 12 ? new TimeSpan(11, 30, 0) : new TimeSpan(17, 0, 0)), start.Offset);
        return state with
        {
            StartDate = DateOnly.FromDateTime(start.DateTime),
            StartTime = TimeOnly.FromDateTime(start.DateTime),
            EndDate = DateOnly.FromDateTime(end.DateTime),
            EndTime = TimeOnly.FromDateTime(end.DateTime),
        };
    }

    /// <summary>The cell whose meeting chat this group is, by the chat's name (as "tiến độ" finds it).</summary>
    private async Task<RosterCell?> ChatCellAsync(DialogTurn turn, CancellationToken cancellationToken)
    {
        var chatName = CommandText.Normalize(turn.ConversationName);
        if (chatName.Length == 0)
        {
            return null;
        }
        var cells = await roster.ListCellsAsync(cancellationToken);
        return cells.FirstOrDefault(c => CommandText.Normalize(c.MeetingChatName) == chatName);
    }

    private static JsonObject Form(MeetingScheduleState state, IReadOnlyList<string> errors) =>
        MeetingScheduleCard.Build(new MeetingScheduleCardInput(
            state.Year,
            state.BodyName,
            [.. state.Roster.Select(p => new MeetingPersonChoice(MemberKey(p.MemberId), p.FullName,
                p.IsExempt ? MeetingPersonNote.Exempt : p.IsOfficial ? MeetingPersonNote.None : MeetingPersonNote.Probationary))])
        {
            StartDate = state.StartDate,
            StartTime = state.StartTime,
            EndDate = state.EndDate,
            EndTime = state.EndTime,
            ParticipantKeys = [.. state.ParticipantIds.Select(MemberKey)],
            CoChairKeys = [.. state.CoChairIds.Select(MemberKey)],
            DraftReportUrl = state.DraftReportUrl,
            AsksDraftApproval = state.AsksDraftApproval,
            DraftApproved = state.DraftApproved,
            IsMove = state.IsMove,
            Errors = errors,
        });

    private static JsonObject Summary(MeetingScheduleState state) =>
        AnsweredCard.Build(new AnsweredCardInput(
            string.Format(CultureInfo.InvariantCulture, MeetingDialogTexts.SummaryTitle, state.BodyName),
            [
                new AnsweredCardFact(MeetingDialogTexts.SummaryStart, When(state.StartDate, state.StartTime)),
                new AnsweredCardFact(MeetingDialogTexts.SummaryEnd, When(state.EndDate, state.EndTime)),
                new AnsweredCardFact(MeetingDialogTexts.SummaryParticipants,
                    string.Format(CultureInfo.InvariantCulture, MeetingDialogTexts.SummaryCount, state.ParticipantIds.Count)),
            ]));

    private async Task<StepOutcome<MeetingScheduleState>> AnswerAsync(FlowAnswer<MeetingScheduleState> answer, CancellationToken cancellationToken)
    {
        var state = answer.State;
        var member = answer.Context.Member;
        var turn = answer.Context.Turn;
        var (shown, errors) = Read(state, answer.Input.Values);
        if (errors.Count > 0)
        {
            return answer.Stay(shown, errors);
        }
        var plan = new MeetingPlan(
            state.CycleId,
            state.BodyId,
            WorkingCalendar.ToInstant(shown.StartDate!.Value, shown.StartTime!.Value),
            WorkingCalendar.ToInstant(shown.EndDate!.Value, shown.EndTime!.Value),
            shown.ParticipantIds,
            shown.CoChairIds,
            shown.DraftReportUrl,
            shown.DraftApproved,
            new MeetingConversation(turn.ChannelId, turn.ConversationId));
        MeetingPlanResult result;
        try
        {
            result = await planner.ScheduleAsync(plan, member.MemberId, cancellationToken);
        }
        catch (MeetingRefusedException refused)
        {
            MeetingLog.Refused(logger, member.MemberId, FlowName);
            return answer.Stay(shown, refused.Message);
        }
        var meeting = result.Meeting;
        MeetingLog.Scheduled(logger, meeting.MeetingId, meeting.BodyId, member.MemberId, meeting.Participants.Count, result.Warnings.Count);
        var (warnings, notice) = await CirculateIfDueAsync(result, cancellationToken);
        var card = MeetingCardMapping.MeetingCard(meeting, warnings, state.AsksDraftApproval, notice);
        return answer.Complete(shown with { MeetingId = meeting.MeetingId }, card);
    }

    /// <summary>
    /// From the rule's day on (three working days before the meeting), the draft goes out at once, in this turn, under
    /// the same key as the scheduler's circulation (so it never goes twice); the card's too-late warning then says the
    /// draft was sent now, or that it cannot be until a link is given. Before that day, the scheduler sends it.
    /// </summary>
    private async Task<(List<string> Warnings, string Notice)> CirculateIfDueAsync(MeetingPlanResult result, CancellationToken cancellationToken)
    {
        var warnings = result.Warnings.Select(w => w.Text).ToList();
        var notice = MeetingDialogTexts.Saved;
        var circulation = await drafts.DescribeAsync(result.Meeting, cancellationToken);
        if (!circulation.IsDue)
        {
            return (warnings, notice);
        }
        var outcome = await drafts.StageAsync(circulation, DraftCirculationCardMapping.Cards(circulation), cancellationToken);
        DraftCirculationLog.CirculatedAtScheduling(logger, circulation.MeetingId, outcome.Outcome, outcome.Staged,
            outcome.FanOut?.AlreadySent ?? 0, outcome.FanOut?.Unreachable.Count ?? 0);
        var said = outcome switch
        {
            { Outcome: DraftCirculationOutcome.NoDraftReport } => DraftCirculationDialogTexts.NotSentNoDraft,
            { Outcome: DraftCirculationOutcome.Staged, FanOut: { Staged: 0, AlreadySent: > 0 } } => DraftCirculationDialogTexts.SentBefore,
            { Outcome: DraftCirculationOutcome.Staged, FanOut: { } fanOut } => SentNow(fanOut),
            _ => null,
        };
        if (said is null)
        {
            return (warnings, notice);
        }
        var late = result.Warnings.ToList().FindIndex(w => w.Kind == MeetingPlanWarningKind.DraftCirculationTooLate);
        if (late >= 0)
        {
            warnings[late] += " " + said;
        }
        else
        {
            notice += " " + said;
        }
        return (warnings, notice);
    }

    private static string SentNow(NoticeFanOut fanOut)
    {
        var text = string.Format(CultureInfo.InvariantCulture, DraftCirculationDialogTexts.SentNow, fanOut.Staged);
        return fanOut.Unreachable.Count == 0
            ? text
            : text + " " + string.Format(CultureInfo.InvariantCulture, DraftCirculationDialogTexts.Unreachable,
                fanOut.Unreachable.Count, string.Join(", ", fanOut.Unreachable.Select(u => u.FullName)));
    }

    /// <summary>The form's values as submitted, and what is wrong with them (Core checks the rest: times, the roster).</summary>
    private static (MeetingScheduleState Shown, List<string> Errors) Read(MeetingScheduleState state, JsonObject? values)
    {
        var errors = new List<string>();
        var startDate = CardValues.Date(CardValues.Text(values, MeetingScheduleCard.StartDateInput), out var startDateValid);
        var startTime = CardValues.Time(CardValues.Text(values, MeetingScheduleCard.StartTimeInput), out var startTimeValid);
        var endDate = CardValues.Date(CardValues.Text(values, MeetingScheduleCard.EndDateInput), out var endDateValid);
        var endTime = CardValues.Time(CardValues.Text(values, MeetingScheduleCard.EndTimeInput), out var endTimeValid);
        if (!startDateValid || !startTimeValid || !endDateValid || !endTimeValid)
        {
            errors.Add(MeetingDialogTexts.BadDateOrTime);
        }
        else
        {
            if (startDate is null || startTime is null)
            {
                errors.Add(MeetingDialogTexts.StartMissing);
            }
            if (endDate is null || endTime is null)
            {
                errors.Add(MeetingDialogTexts.EndMissing);
            }
        }
        var participants = Ids(CardValues.Text(values, MeetingScheduleCard.ParticipantsInput));
        if (participants.Count == 0)
        {
            errors.Add(MeetingDialogTexts.NoParticipants);
        }
        var url = CardValues.Text(values, MeetingScheduleCard.DraftUrlInput)?.Trim();
        if (!string.IsNullOrEmpty(url)
            && (!Uri.TryCreate(url, UriKind.Absolute, out var link) || (link.Scheme != Uri.UriSchemeHttps && link.Scheme != Uri.UriSchemeHttp)))
        {
            errors.Add(MeetingDialogTexts.BadUrl);
        }
        var shown = state with
        {
            StartDate = startDate,
            StartTime = startTime,
            EndDate = endDate,
            EndTime = endTime,
            ParticipantIds = participants,
            CoChairIds = Ids(CardValues.Text(values, MeetingScheduleCard.CoChairsInput)),
            DraftReportUrl = string.IsNullOrEmpty(url) ? null : url,
            DraftApproved = state.AsksDraftApproval && CardValues.Flag(values, MeetingScheduleCard.DraftApprovedInput) == true,
        };
        return (shown, errors);
    }

    private static List<Guid> Ids(string? choices) =>
        [.. MeetingScheduleCard.SplitChoices(choices).Select(key => Guid.TryParseExact(key, "N", out var id) ? id : (Guid?)null).OfType<Guid>()];

    private static string When(DateOnly? date, TimeOnly? time) =>
        date is { } day && time is { } at
            ? string.Format(CultureInfo.InvariantCulture, MeetingDialogTexts.SummaryAt, CardValues.FormatTime(at), CardValues.FormatDate(day))
            : MeetingDialogTexts.SummaryNotSet;
}
