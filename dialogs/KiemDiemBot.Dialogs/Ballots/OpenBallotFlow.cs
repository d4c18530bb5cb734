using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Ballots;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Meetings;
using KiemDiemBot.Core.Notices;
using KiemDiemBot.Core.Roster;
using KiemDiemBot.Core.Rules.Ballots;
using KiemDiemBot.Dialogs.Flows;
using KiemDiemBot.Dialogs.Resources;
using KiemDiemBot.Dialogs.Secretary;
using Microsoft.Extensions.Logging;

namespace KiemDiemBot.Dialogs.Ballots;

/// <summary>
/// The setup card as last shown, and once opened what it came to. It holds who is a subject and who is present,
/// never a choice of any voter.
/// </summary>
public sealed record BallotSetupState(
    Guid CycleId,
    Guid BodyId,
    string BodyName,
    string ChannelId,
    string ConversationId,
    BallotSubjectKind Kind,
    IReadOnlyList<BallotSetupEntry> Members,
    BallotSetupEntry? Organisation,
    IReadOnlyList<BallotSetupEntry> Collectives,
    IReadOnlyList<BallotSetupPresence> Attendance)
{
    /// <summary>The last submit was below the quorum: the card asks to confirm the override.</summary>
    public bool AskOverride { get; init; }

    /// <summary>Once opened: the ballot, how many voters got a card, and who could not be reached.</summary>
    public Guid? BallotId { get; init; }

    public int Subjects { get; init; }

    public int Sent { get; init; }

    public string? Unreachable { get; init; }
}

/// <summary>A subject on the setup card, ticked to be on the ballot.</summary>
public sealed record BallotSetupEntry(Guid Id, string Name, bool Ticked)
{
    /// <summary>The caps' reasons the ballot will show (to know whether the ballot fits in one message).</summary>
    public IReadOnlyList<string> CapReasons { get; init; } = [];
}

/// <summary>A summoned member on the setup card.</summary>
public sealed record BallotSetupPresence(Guid MemberId, string FullName, bool IsOfficial, bool IsExempt, bool IsPresent)
{
    /// <summary>Counts in the quorum and may be ticked present: official, not exempt.</summary>
    public bool Counts => IsOfficial && !IsExempt;
}

/// <summary>
/// "mở phiếu", in the meeting's group chat, for the body's secretary or deputy (Core decides who, in
/// <see cref="IBallotService.ProposeAsync"/>): one setup card with the subjects (the body's members in agenda order,
/// all ticked; or the organisation; or a leadership collective), the attendance (official members ticked present,
/// probationary and exempt members shown with why they cannot vote) and the quorum. Below the quorum the card comes
/// back with the toggle that confirms opening all the same. Opening sends each voter one private ballot card through
/// the outbox, and the meeting chat gets the status card (counts only) under the ballot's post key, so that every
/// cast updates it in place; the setup card is replaced by a summary that names who could not be reached.
/// </summary>
public sealed class OpenBallotFlow : Flow<BallotSetupState>
{
    public const string FlowName = "ballot-open";
    public const string Command = "mo phieu";
    public const string SetupStep = "setup";

    private readonly IBallotService ballots;
    private readonly IReviewCycleService cycles;
    private readonly IRosterDirectory roster;
    private readonly IMemberNotices notices;
    private readonly IReviewMeetingPlanner meetings;
    private readonly ILogger<OpenBallotFlow> logger;

    public OpenBallotFlow(
        IBallotService ballots, IReviewCycleService cycles, IRosterDirectory roster, IMemberNotices notices, IReviewMeetingPlanner meetings,
        ILogger<OpenBallotFlow> logger)
    {
        this.meetings = meetings;
        this.ballots = ballots;
        this.cycles = cycles;
        this.roster = roster;
        this.notices = notices;
        this.logger = logger;
        Steps =
        [
            new(SetupStep)
            {
                Card = Card,
                Summary = Summary,
                Answer = AnswerAsync,
            },
        ];
    }

    public override string Name => FlowName;

    public override IReadOnlyCollection<string> StartCommands { get; } = [Command];

    protected override IReadOnlyList<FlowStep<BallotSetupState>> Steps { get; }

    /// <summary>The key of a member's or subject's inputs on the card.</summary>
    public static string Key(Guid id) => id.ToString("N");

    protected override async Task<FlowStart<BallotSetupState>> StartAsync(FlowContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var turn = context.Turn;
        if (!turn.IsGroup)
        {
            return FlowStart.Refuse<BallotSetupState>(DialogReply.FromText(BallotDialogTexts.OpenInGroupOnly));
        }
        if (await cycles.FindCurrentAsync(cancellationToken) is not { } cycle)
        {
            return FlowStart.Refuse<BallotSetupState>(DialogReply.FromText(SecretaryDialogTexts.NoOpenCycle));
        }
        var setup = await ballots.ProposeAsync(cycle.Id, context.Member.MemberId, await ChatBodyAsync(turn, cycle.Id, cancellationToken), cancellationToken);
        if (setup is null)
        {
            BallotLog.Refused(logger, context.Member.MemberId, FlowName);
            return FlowStart.Refuse<BallotSetupState>(DialogReply.FromText(BallotDialogTexts.OpenNotAllowed));
        }
        var state = new BallotSetupState(
            setup.CycleId,
            setup.BodyId,
            setup.BodyName,
            turn.ChannelId,
            turn.ConversationId,
            BallotSubjectKind.Member,
            [.. setup.MemberSubjects.Select(s => new BallotSetupEntry(s.SubjectId, s.Name, Ticked: true) { CapReasons = s.CapReasons })],
            setup.OrganisationSubject is { } organisation ? new BallotSetupEntry(organisation.SubjectId, organisation.Name, Ticked: false) : null,
            [.. setup.CollectiveSubjects.Select((s, i) => new BallotSetupEntry(s.SubjectId, s.Name, Ticked: i == 0))],
            [.. setup.Attendance.Select(a => new BallotSetupPresence(a.MemberId, a.FullName, a.IsOfficial, a.IsExempt, a.IsOfficial && !a.IsExempt))]);
        // A new "mở phiếu" always starts from the roster, in this chat.
        return FlowStart.BeginInCycle(setup.CycleId, state).MovingActiveRun();
    }

    /// <summary>
    /// The body whose meeting runs in this chat (where it was scheduled, or its Teams meeting's chat), else the cell
    /// whose meeting chat this is by its name; null lets Core pick the body the member leads.
    /// </summary>
    private async Task<Guid?> ChatBodyAsync(DialogTurn turn, Guid cycleId, CancellationToken cancellationToken)
    {
        if (await meetings.FindByConversationAsync(new MeetingConversation(turn.ChannelId, turn.ConversationId), cycleId, cancellationToken) is { } meeting)
        {
            return meeting.BodyId;
        }
        var chatName = CommandText.Normalize(turn.ConversationName);
        if (chatName.Length == 0)
        {
            return null;
        }
        var cells = await roster.ListCellsAsync(cancellationToken);
        return cells.FirstOrDefault(c => CommandText.Normalize(c.MeetingChatName) == chatName)?.Id;
    }

    private static JsonObject Card(BallotSetupState state, IReadOnlyList<string> errors)
    {
        var quorum = Quorum(state);
        return BallotSetupCard.Build(new BallotSetupCardInput(
            state.BodyName,
            state.Kind switch
            {
                BallotSubjectKind.Organisation => BallotSetupKind.Organisation,
                BallotSubjectKind.LeadershipCollective => BallotSetupKind.Collective,
                _ => BallotSetupKind.Members,
            },
            [.. state.Members.Select(m => new BallotSetupSubject(Key(m.Id), m.Name, m.Ticked))],
            state.Organisation?.Name,
            [.. state.Collectives.Select(c => new BallotSetupSubject(Key(c.Id), c.Name, c.Ticked))],
            [.. state.Attendance.Select(a => new BallotSetupAttendee(
                Key(a.MemberId),
                a.FullName,
                a.Counts ? BallotSetupAttendeeKind.Official : a.IsExempt ? BallotSetupAttendeeKind.Exempt : BallotSetupAttendeeKind.Probationary,
                a.IsPresent))],
            new BallotSetupQuorum(
                state.Attendance.Count(a => a.Counts),
                quorum.MinimumPresent,
                BallotSettings.Default.QuorumNumerator,
                BallotSettings.Default.QuorumDenominator,
                quorum.Warning?.Text))
        {
            AskOverride = state.AskOverride,
            Errors = errors,
        });
    }

    private static QuorumCheck Quorum(BallotSetupState state) =>
        QuorumRule.Check(
            new Attendance(state.Attendance.Count(a => a.Counts), state.Attendance.Count(a => a.Counts && a.IsPresent)),
            BallotSettings.Default);

    private static JsonObject Summary(BallotSetupState state)
    {
        var culture = CultureInfo.InvariantCulture;
        return AnsweredCard.Build(new AnsweredCardInput(
            string.Format(culture, BallotDialogTexts.OpenSummaryTitle, state.BodyName),
            [
                new(BallotDialogTexts.OpenSummarySubjects, state.Subjects.ToString(culture)),
                new(BallotDialogTexts.OpenSummaryPresent, state.Attendance.Count(a => a.Counts && a.IsPresent).ToString(culture)),
                new(BallotDialogTexts.OpenSummarySent, string.Format(culture, BallotDialogTexts.OpenSummarySentValue, state.Sent)),
                new(BallotDialogTexts.OpenSummaryUnreachable, state.Unreachable ?? BallotDialogTexts.OpenSummaryEveryoneReached),
            ]));
    }

    private async Task<StepOutcome<BallotSetupState>> AnswerAsync(FlowAnswer<BallotSetupState> answer, CancellationToken cancellationToken)
    {
        var member = answer.Context.Member;
        var values = answer.Input.Values;
        var shown = Read(answer.State, values);
        IReadOnlyList<Guid> subjects = shown.Kind switch
        {
            BallotSubjectKind.Organisation => shown.Organisation is { } organisation ? [organisation.Id] : [],
            BallotSubjectKind.LeadershipCollective => [.. shown.Collectives.Where(c => c.Ticked).Select(c => c.Id)],
            _ => [.. shown.Members.Where(m => m.Ticked).Select(m => m.Id)],
        };
        if (subjects.Count == 0)
        {
            return answer.Stay(shown, BallotDialogTexts.OpenNoSubject);
        }
        if (shown.Kind == BallotSubjectKind.Member
            && !BallotCards.Fits(shown.BodyName, shown.Members.Where(m => m.Ticked).Select(m => (m.Id, m.Name, m.CapReasons))))
        {
            return answer.Stay(shown, string.Format(CultureInfo.InvariantCulture, BallotDialogTexts.OpenTooManySubjects, subjects.Count));
        }
        var confirmed = CardValues.Flag(values, BallotSetupCard.OverrideInput) == true;
        if (Quorum(shown) is { Met: false, Warning: { } warning } && !confirmed)
        {
            return answer.Stay(shown with { AskOverride = true }, warning.Text);
        }
        OpenedBallot opened;
        try
        {
            opened = await ballots.OpenAsync(
                new OpenBallotRequest(
                    shown.CycleId,
                    shown.BodyId,
                    shown.Kind,
                    subjects,
                    [.. shown.Attendance.Where(a => a.Counts && a.IsPresent).Select(a => a.MemberId)],
                    confirmed,
                    new MeetingConversation(shown.ChannelId, shown.ConversationId)),
                member.MemberId,
                cancellationToken);
        }
        catch (BallotRefusedException refused)
        {
            BallotLog.OpenRefused(logger, shown.BodyId, member.MemberId);
            return answer.Stay(shown with { AskOverride = shown.AskOverride || confirmed }, refused.Message);
        }
        var sent = await BallotDelivery.StageAsync(notices, opened, cancellationToken);
        var ballot = opened.Ballot;
        BallotLog.Opened(logger, ballot.BallotId, ballot.Round, ballot.BodyId, member.MemberId, opened.VoterIds.Count, sent.Staged, sent.AlreadySent, sent.Unreachable.Count);
        var done = shown with
        {
            AskOverride = false,
            BallotId = ballot.BallotId,
            Subjects = ballot.Subjects.Count,
            Sent = sent.Staged + sent.AlreadySent,
            Unreachable = BallotDelivery.UnreachableNames(sent),
        };
        return answer.Complete(done, BallotCards.Status(ballot), BallotPostKeys.Status(ballot.BallotId));
    }

    /// <summary>The card's choices as submitted, over the state it was drawn from.</summary>
    private static BallotSetupState Read(BallotSetupState state, JsonObject? values)
    {
        var kind = CardValues.Text(values, BallotSetupCard.KindInput) switch
        {
            BallotSetupCard.OrganisationValue when state.Organisation is not null => BallotSubjectKind.Organisation,
            BallotSetupCard.CollectiveValue when state.Collectives.Count > 0 => BallotSubjectKind.LeadershipCollective,
            _ => BallotSubjectKind.Member,
        };
        var collective = CardValues.Text(values, BallotSetupCard.CollectiveInput);
        return state with
        {
            Kind = kind,
            Members = [.. state.Members.Select(m => m with { Ticked = Toggle(values, BallotSetupCard.SubjectInputId(Key(m.Id)), m.Ticked) })],
            Collectives = collective is null
                ? state.Collectives
                : [.. state.Collectives.Select(c => c with { Ticked = Key(c.Id) == collective })],
            Attendance = [.. state.Attendance.Select(a => a.Counts
                ? a with { IsPresent = Toggle(values, BallotSetupCard.PresentInputId(Key(a.MemberId)), a.IsPresent) }
                : a)],
        };
    }

    private static bool Toggle(JsonObject? values, string id, bool shown) => CardValues.Text(values, id) switch
    {
        BallotSetupCard.On => true,
        BallotSetupCard.Off => false,
        _ => shown,
    };
}
