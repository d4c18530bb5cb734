using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Ballots;
using KiemDiemBot.Core.Identity;
using KiemDiemBot.Core.Meetings;
using KiemDiemBot.Core.Notices;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Dialogs.Ballots;
using KiemDiemBot.Dialogs.Flows;
using KiemDiemBot.Dialogs.Resources;
using KiemDiemBot.Dialogs.Secretary;
using Microsoft.Extensions.Logging;

namespace KiemDiemBot.Dialogs.Rankings;

/// <summary>
/// The paper tally form as shown: the open ballot, its subjects and the levels each may get. It never holds the
/// numbers typed (the engine refills a refused form from the submit itself); once recorded, only the batch's size.
/// </summary>
public sealed record PaperTallyState(Guid BallotId, string BodyName, int Round, bool IsApproval, IReadOnlyList<PaperTallySubjectValue> Subjects)
{
    /// <summary>Once recorded: how many paper ballots the batch held.</summary>
    public int? Recorded { get; init; }
}

/// <summary>One subject of the open ballot and the levels its caps allow, best first.</summary>
public sealed record PaperTallySubjectValue(Guid SubjectId, string Name, IReadOnlyList<RankingLevel> Levels);

/// <summary>
/// "phiếu giấy", in the meeting chat while a ballot is open there, for the body's secretary or deputy: one card with
/// the number of paper ballots counted and, per subject, the votes per level it may get (or agree and disagree on an
/// approval ballot). The batch is added to the counts as paper (<see cref="IBallotService.RecordPaperAsync"/>, which
/// refuses a closed ballot, a level above a cap, more votes than ballots), the status card is updated in place, and
/// nothing of the numbers is shown back (no interim results). A refusal keeps the form filled as typed.
/// </summary>
public sealed class PaperTallyFlow : Flow<PaperTallyState>
{
    public const string FlowName = "paper-tally";
    public const string Command = "phieu giay";
    public const string FormStep = "form";

    private readonly IBallotService ballots;
    private readonly IMemberAuthorizer authorizer;
    private readonly IConversationPosts posts;
    private readonly ILogger<PaperTallyFlow> logger;

    public PaperTallyFlow(IBallotService ballots, IMemberAuthorizer authorizer, IConversationPosts posts, ILogger<PaperTallyFlow> logger)
    {
        this.ballots = ballots;
        this.authorizer = authorizer;
        this.posts = posts;
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

    protected override IReadOnlyList<FlowStep<PaperTallyState>> Steps { get; }

    protected override async Task<FlowStart<PaperTallyState>> StartAsync(FlowContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var turn = context.Turn;
        if (!turn.IsGroup)
        {
            return FlowStart.Refuse<PaperTallyState>(DialogReply.FromText(RankingDialogTexts.PaperInGroupOnly));
        }
        if (await ballots.FindOpenAsync(new MeetingConversation(turn.ChannelId, turn.ConversationId), cancellationToken) is not { } ballot)
        {
            return FlowStart.Refuse<PaperTallyState>(DialogReply.FromText(RankingDialogTexts.PaperNothingOpen));
        }
        if (!await authorizer.MayAsync(context.Member, MemberAction.CloseBallot, AccessSubject.Organisation(ballot.BodyId), cancellationToken))
        {
            RankingLog.Refused(logger, context.Member.MemberId, FlowName);
            return FlowStart.Refuse<PaperTallyState>(DialogReply.FromText(RankingDialogTexts.PaperNotAllowed));
        }
        var state = new PaperTallyState(
            ballot.BallotId,
            ballot.BodyName,
            ballot.Round,
            ballot.Kind == BallotKind.ExcellenceApproval,
            [.. ballot.Subjects.Select(s => new PaperTallySubjectValue(s.SubjectId, s.Name, [.. s.AllowedLevels.OrderByDescending(l => l)]))]);
        // Each "phiếu giấy" is a new batch of the ballot open in this chat.
        return FlowStart.BeginInCycle(ballot.CycleId, state).MovingActiveRun();
    }

    private static JsonObject Form(PaperTallyState state, IReadOnlyList<string> errors) =>
        PaperTallyCard.Build(new PaperTallyCardInput(
            state.BodyName,
            state.Round,
            state.IsApproval,
            [.. state.Subjects.Select(s => new PaperTallySubject(s.SubjectId, s.Name, [.. s.Levels.Select(l => new PaperTallyLevel(l.Abbreviation(), LevelValue(l)))]))])
        {
            Errors = errors,
        });

    private static JsonObject Summary(PaperTallyState state) =>
        AnsweredCard.Build(new AnsweredCardInput(
            RankingDialogTexts.PaperSummaryTitle,
            [new AnsweredCardFact(RankingDialogTexts.PaperSummaryBallots, state.Recorded?.ToString(CultureInfo.InvariantCulture) ?? RankingDialogTexts.PaperSummaryNotYet)]));

    private async Task<StepOutcome<PaperTallyState>> AnswerAsync(FlowAnswer<PaperTallyState> answer, CancellationToken cancellationToken)
    {
        var state = answer.State;
        var member = answer.Context.Member;
        var (count, tallies, errors) = Read(state, answer.Input.Values);
        if (errors.Count > 0)
        {
            return answer.Stay(errors);
        }
        BallotView recorded;
        try
        {
            recorded = await ballots.RecordPaperAsync(state.BallotId, member.MemberId, count, tallies, cancellationToken);
        }
        catch (BallotRefusedException refused)
        {
            RankingLog.ActionRefused(logger, FlowName, member.MemberId);
            return answer.Stay(refused.Message);
        }
        RankingLog.PaperRecorded(logger, state.BallotId, count, member.MemberId);
        if (!await posts.StageUpdateAsync(BallotPostKeys.Status(state.BallotId), BallotCards.Status(recorded), cancellationToken))
        {
            RankingLog.StatusCardMissing(logger, state.BallotId);
        }
        return answer.Complete(state with { Recorded = count },
            PaperTallyRecordedCard.Build(new PaperTallyRecordedCardInput(state.BodyName, count, recorded.PaperBallots)));
    }

    /// <summary>What a level is typed under on the form: its number (4 = HTXSNV ... 1 = KHTNV).</summary>
    public static string LevelValue(RankingLevel level) => ((int)level).ToString(CultureInfo.InvariantCulture);

    /// <summary>The number of ballots and each subject's votes as typed (an empty box is 0), and what is wrong with them.</summary>
    private static (int Count, List<PaperTally> Tallies, List<string> Errors) Read(PaperTallyState state, JsonObject? values)
    {
        var culture = CultureInfo.InvariantCulture;
        var errors = new List<string>();
        var count = CardValues.Int(values, PaperTallyCard.BallotsInputId);
        if (count is not { } ballots || ballots < 1 || ballots > PaperTallyCard.MaxBallots)
        {
            errors.Add(string.Format(culture, RankingDialogTexts.PaperBallotsInvalid, PaperTallyCard.MaxBallots));
        }
        var tallies = new List<PaperTally>();
        foreach (var subject in state.Subjects)
        {
            var invalid = false;
            int Votes(string choice)
            {
                var text = CardValues.Text(values, PaperTallyCard.InputId(subject.SubjectId, choice));
                if (string.IsNullOrWhiteSpace(text))
                {
                    return 0;
                }
                if (int.TryParse(text.Trim(), NumberStyles.None, culture, out var number))
                {
                    return number;
                }
                invalid = true;
                return 0;
            }
            PaperTally tally;
            int sum;
            if (state.IsApproval)
            {
                var agree = Votes(PaperTallyCard.AgreeValue);
                var disagree = Votes(PaperTallyCard.DisagreeValue);
                tally = new PaperTally(subject.SubjectId, new Dictionary<RankingLevel, int>(), agree, disagree);
                sum = agree + disagree;
            }
            else
            {
                var votes = subject.Levels.ToDictionary(l => l, l => Votes(LevelValue(l)));
                tally = new PaperTally(subject.SubjectId, votes, 0, 0);
                sum = votes.Values.Sum();
            }
            if (invalid)
            {
                errors.Add(string.Format(culture, RankingDialogTexts.PaperNumberInvalid, subject.Name));
            }
            else if (count is { } total && sum > total)
            {
                errors.Add(string.Format(culture, RankingDialogTexts.PaperTooMany, subject.Name, sum, total));
            }
            tallies.Add(tally);
        }
        return (count ?? 0, tallies, errors);
    }
}
