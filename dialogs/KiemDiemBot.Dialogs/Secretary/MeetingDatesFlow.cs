using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Calendar;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Identity;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Dialogs.Flows;
using KiemDiemBot.Dialogs.Resources;
using Microsoft.Extensions.Logging;

namespace KiemDiemBot.Dialogs.Secretary;

/// <summary>The meeting-dates form as last shown: the cycle, the grassroots organisation, and each body's meeting.</summary>
public sealed record MeetingDatesState(Guid CycleId, int Year, Guid OrganisationId, string OrganisationName, IReadOnlyList<MeetingBodyValue> Bodies);

/// <summary>One body's meeting in Asia/Ho_Chi_Minh time (null: not set), the deadline it should meet before, and whether the last save set or moved it.</summary>
public sealed record MeetingBodyValue(Guid OrganisationId, string Name, DateOnly? Date, TimeOnly? Time, DateOnly? DueBefore, bool Changed = false);

/// <summary>
/// "ngày họp": the secretary or deputy secretary of a grassroots organisation sets the review meeting of the
/// organisation and of each party organisation under it, in the open cycle: one form with a date and a time per
/// body, prefilled with the stored meetings, each body's deadline under it. Saving goes through
/// <see cref="IReviewMeetingCalendar.SetMeetingAsync"/> (which audits a moved date) and shows every warning it gives
/// (a cell meeting on or after its deadline) in plain words; the dates are kept all the same. A date without a time
/// (or the reverse) is refused with the form filled as typed.
/// </summary>
public sealed class MeetingDatesFlow : Flow<MeetingDatesState>
{
    public const string FlowName = "meeting-dates";
    public const string Command = "ngay hop";
    public const string FormStep = "form";

    private readonly IReviewCycleService cycles;
    private readonly IReviewMeetingCalendar calendar;
    private readonly ILeadershipScopes leadership;
    private readonly ILogger<MeetingDatesFlow> logger;

    public MeetingDatesFlow(IReviewCycleService cycles, IReviewMeetingCalendar calendar, ILeadershipScopes leadership, ILogger<MeetingDatesFlow> logger)
    {
        this.cycles = cycles;
        this.calendar = calendar;
        this.leadership = leadership;
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

    protected override IReadOnlyList<FlowStep<MeetingDatesState>> Steps { get; }

    /// <summary>The key of a body's inputs on the form.</summary>
    public static string BodyKey(Guid organisationId) => organisationId.ToString("N");

    protected override async Task<FlowStart<MeetingDatesState>> StartAsync(FlowContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var led = await leadership.GrassrootsLedAsync(context.Member, cancellationToken);
        if (led.Count == 0)
        {
            SecretaryLog.Refused(logger, context.Member.MemberId, FlowName);
            return FlowStart.Refuse<MeetingDatesState>(DialogReply.FromText(SecretaryDialogTexts.MeetingDatesNotAllowed));
        }
        if (await cycles.FindCurrentAsync(cancellationToken) is not { } cycle)
        {
            return FlowStart.Refuse<MeetingDatesState>(DialogReply.FromText(SecretaryDialogTexts.NoOpenCycle));
        }
        var organisation = led[0];
        var meetings = (await calendar.ListAsync(cycle.Id, organisation.Id, cancellationToken)).ToDictionary(m => m.OrganisationId);
        var bodies = new List<MeetingBodyValue>();
        foreach (var body in await leadership.BodiesOfAsync(organisation.Id, cancellationToken))
        {
            DateOnly? dueBefore = DeadlineKinds.ReviewDeadlineFor(body.Kind) is { } kind
                ? (await cycles.ResolveDeadlineAsync(cycle.Id, body.Id, kind, cancellationToken)).DueBefore
                : null;
            var local = meetings.TryGetValue(body.Id, out var meeting) ? TimeZoneInfo.ConvertTime(meeting.StartsAt, WorkingCalendar.TimeZone) : (DateTimeOffset?)null;
            bodies.Add(new MeetingBodyValue(
                body.Id,
                body.Name,
                local is { } day ? DateOnly.FromDateTime(day.DateTime) : null,
                local is { } time ? TimeOnly.FromDateTime(time.DateTime) : null,
                dueBefore));
        }
        return FlowStart.BeginInCycle(cycle.Id, new MeetingDatesState(cycle.Id, cycle.Year, organisation.Id, organisation.Name, bodies));
    }

    private static JsonObject Form(MeetingDatesState state, IReadOnlyList<string> errors) =>
        MeetingDatesCard.Build(new MeetingDatesCardInput(
            state.Year,
            state.OrganisationName,
            [.. state.Bodies.Select(b => new MeetingDateField(BodyKey(b.OrganisationId), b.Name, b.Date, b.Time, b.DueBefore))])
        {
            Errors = errors,
        });

    private static JsonObject Summary(MeetingDatesState state) =>
        AnsweredCard.Build(new AnsweredCardInput(
            string.Format(CultureInfo.InvariantCulture, SecretaryDialogTexts.MeetingDatesSummaryTitle, state.Year),
            [.. state.Bodies.Select(b => new AnsweredCardFact(b.Name, Describe(b)))]));

    private async Task<StepOutcome<MeetingDatesState>> AnswerAsync(FlowAnswer<MeetingDatesState> answer, CancellationToken cancellationToken)
    {
        var state = answer.State;
        var member = answer.Context.Member;
        var (shown, errors) = Read(state, answer.Input.Values);
        if (errors.Count > 0)
        {
            return answer.Stay(shown, errors);
        }
        var led = await leadership.GrassrootsLedAsync(member, cancellationToken);
        if (!led.Any(o => o.Id == state.OrganisationId))
        {
            SecretaryLog.Refused(logger, member.MemberId, FlowName);
            return answer.Stay(shown, SecretaryDialogTexts.MeetingDatesNotAllowed);
        }
        var warnings = new List<string>();
        var saved = new List<MeetingBodyValue>();
        foreach (var (before, after) in state.Bodies.Zip(shown.Bodies))
        {
            if (after.Date is not { } date || after.Time is not { } time)
            {
                // Left empty: a stored meeting stays as it was (a meeting is moved, never removed, here).
                saved.Add(before with { Changed = false });
                continue;
            }
            var found = await calendar.SetMeetingAsync(state.CycleId, after.OrganisationId, WorkingCalendar.ToInstant(date, time), member.MemberId, cancellationToken);
            warnings.AddRange(found.Select(w => w.Text));
            saved.Add(after with { Changed = before.Date != date || before.Time != time });
        }
        var done = shown with { Bodies = saved };
        SecretaryLog.MeetingDatesSaved(logger, state.OrganisationId, state.CycleId, member.MemberId, saved.Count(b => b.Changed), warnings.Count);
        return answer.Complete(done, MeetingDatesSavedCard.Build(new MeetingDatesSavedCardInput(
            state.Year,
            state.OrganisationName,
            [.. saved.Select(b => new SavedMeeting(b.Name, b.Date, b.Time, b.Changed))],
            warnings)));
    }

    /// <summary>The form's dates and times as typed, and what is wrong with them.</summary>
    private static (MeetingDatesState Shown, List<string> Errors) Read(MeetingDatesState state, JsonObject? values)
    {
        var errors = new List<string>();
        var culture = CultureInfo.InvariantCulture;
        var bodies = new List<MeetingBodyValue>();
        foreach (var body in state.Bodies)
        {
            var key = BodyKey(body.OrganisationId);
            var date = CardValues.Date(CardValues.Text(values, MeetingDatesCard.DateInputId(key)), out var dateValid);
            var time = CardValues.Time(CardValues.Text(values, MeetingDatesCard.TimeInputId(key)), out var timeValid);
            if (!dateValid || !timeValid)
            {
                errors.Add(string.Format(culture, SecretaryDialogTexts.MeetingDateInvalid, body.Name));
            }
            else if (date is not null && time is null)
            {
                errors.Add(string.Format(culture, SecretaryDialogTexts.MeetingDateWithoutTime, body.Name));
            }
            else if (date is null && time is not null)
            {
                errors.Add(string.Format(culture, SecretaryDialogTexts.MeetingTimeWithoutDate, body.Name));
            }
            bodies.Add(body with { Date = date, Time = time, Changed = false });
        }
        return (state with { Bodies = bodies }, errors);
    }

    private static string Describe(MeetingBodyValue body) =>
        body.Date is { } date && body.Time is { } time
            ? string.Format(CultureInfo.InvariantCulture, SecretaryDialogTexts.MeetingAt, CardValues.FormatTime(time), CardValues.FormatDate(date))
            : SecretaryDialogTexts.MeetingNotSet;
}
