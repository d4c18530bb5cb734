using KiemDiemBot.Cards;
using KiemDiemBot.Core.Ballots;
using KiemDiemBot.Core.Meetings;
using KiemDiemBot.Core.Notices;
using KiemDiemBot.Core.Rankings;
using KiemDiemBot.Dialogs.Ballots;
using KiemDiemBot.Dialogs.Resources;
using KiemDiemBot.Dialogs.Secretary;
using Microsoft.Extensions.Logging;

namespace KiemDiemBot.Dialogs.Rankings;

/// <summary>
/// "Mở biểu quyết HTXSNV" on the adoption check card, pressed in the committee's meeting chat: the deciding body's
/// secretary or deputy opens the approval ballot among the HTXSNV names (Core decides the names, the seats and the
/// committee members who vote, and refuses anyone else). It goes out as a ranking ballot does: one private card per
/// voter with Đồng ý / Không đồng ý (the ballot card, cast through <see cref="CardVerbs.CastBallot"/>), the report of
/// who could not be reached, and the status card under the ballot's post key in this chat.
/// </summary>
public sealed class OpenApprovalBallotDialog(IRankingDecisionService decisions, IMemberNotices notices, ILogger<OpenApprovalBallotDialog> logger) : IDialog
{
    public IReadOnlyCollection<string> Commands { get; } = [];

    public IReadOnlyCollection<string> Verbs { get; } = [CardVerbs.OpenApprovalBallot];

    public async Task<IReadOnlyList<DialogReply>> RunAsync(DialogTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Member is not { } member)
        {
            return [];
        }
        if (CardValues.Id(turn.Value, CardDataKeys.Cycle) is not { } cycleId || CardValues.Id(turn.Value, CardDataKeys.Body) is not { } bodyId)
        {
            return [DialogReply.FromText(RankingDialogTexts.ButtonNotUnderstood)];
        }
        if (!turn.IsGroup)
        {
            return [DialogReply.FromText(RankingDialogTexts.ApprovalInGroupOnly)];
        }
        OpenedBallot opened;
        try
        {
            opened = await decisions.OpenApprovalBallotAsync(
                cycleId, bodyId, member.MemberId, new MeetingConversation(turn.ChannelId, turn.ConversationId), cancellationToken);
        }
        catch (BallotRefusedException refused)
        {
            RankingLog.ActionRefused(logger, "open-approval", member.MemberId);
            return [DialogReply.FromText(refused.Message)];
        }
        var sent = await BallotDelivery.StageAsync(notices, opened, cancellationToken);
        var ballot = opened.Ballot;
        RankingLog.ApprovalOpened(logger, ballot.BallotId, ballot.BodyId, member.MemberId, opened.VoterIds.Count, sent.Staged, sent.AlreadySent, sent.Unreachable.Count);
        return
        [
            DialogReply.FromText(BallotDelivery.Report(sent)),
            DialogReply.FromCard(BallotCards.Status(ballot)) with { PostKey = BallotPostKeys.Status(ballot.BallotId) },
        ];
    }
}
